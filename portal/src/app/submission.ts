import { ref } from 'vue';
import { ApiError, asApiError } from '../api/http';

/**
 * A form's one creating request. The Idempotency-Key belongs to what the user filled in, not to the click: a
 * second click or a retry after a lost answer sends the same key and the service returns the first result
 * instead of creating a duplicate. A successful submission starts a new key for the next entry.
 */
export function useSubmission<T>(send: (idempotencyKey: string) => Promise<T>) {
  const busy = ref(false);
  const error = ref<ApiError | null>(null);
  let key = newKey();
  async function submit(): Promise<T | null> {
    busy.value = true;
    error.value = null;
    try {
      const result = await send(key);
      key = newKey();
      return result;
    } catch (failure) {
      error.value = asApiError(failure);
      return null;
    } finally {
      busy.value = false;
    }
  }
  return { busy, error, submit };
}

function newKey(): string {
  return crypto.randomUUID();
}
