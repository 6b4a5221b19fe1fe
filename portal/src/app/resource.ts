import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import { ApiError, asApiError } from '../api/http';

export interface Resource<T> {
  data: ShallowRef<T | null>;
  error: Ref<ApiError | null>;
  loading: Ref<boolean>;
  reload: () => Promise<void>;
}

/**
 * One piece of a screen that loads on its own: a failure stays in this piece (its panel says so) and never
 * blanks the rest of the screen. A reload that is overtaken by a newer one drops its answer.
 */
export function useResource<T>(loader: () => Promise<T>): Resource<T> {
  const data = shallowRef<T | null>(null);
  const error = ref<ApiError | null>(null);
  const loading = ref(false);
  let latest = 0;
  async function reload(): Promise<void> {
    const call = ++latest;
    loading.value = true;
    error.value = null;
    try {
      const answer = await loader();
      if (call === latest) {
        data.value = answer;
      }
    } catch (failure) {
      if (call === latest) {
        error.value = asApiError(failure);
      }
    } finally {
      if (call === latest) {
        loading.value = false;
      }
    }
  }
  void reload();
  return { data, error: error as Ref<ApiError | null>, loading, reload };
}

/** Whether an answer has nothing to show: null, an empty list, or a page without items. */
export function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.length === 0;
  }
  if (typeof value === 'object' && 'items' in value) {
    return Array.isArray((value as { items: unknown }).items) && (value as { items: unknown[] }).items.length === 0;
  }
  return false;
}
