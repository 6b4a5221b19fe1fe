{{/*
The objects of one Spring Boot component. The including chart builds the context of each:
  root        its root context ($)
  name        the component's name in kebab case (gateway, indicator-service)
  values      the component's values: replicaCount, image, port, managementPort, resources, jvm,
              springProperties, extraEnv, podAnnotations, nodeSelector, tolerations, affinity,
              podDisruptionBudget, autoscaling
  properties  Spring properties the including chart derives (dict); together with the two ports
              and values.springProperties they are the component's application.yaml
  env         further container env entries, e.g. values read from Secrets (list)
  checksums   pod annotations that roll the pods when something read at start changes (dict)
  ingress     the component's NetworkPolicy ingress rules (list; empty admits nothing)
  egress      its NetworkPolicy egress rules (list; empty lets nothing out)
*/}}

{{/* Where the ConfigMap's application.yaml is mounted; Boot reads it on top of the packaged one. */}}
{{- define "ecoplan-lib.configDirectory" -}}
/etc/ecoplan/
{{- end }}

{{/*
The component's Spring configuration. The chart's own properties win over springProperties: the
ports must stay those the probes, the Service and the network policies use.
*/}}
{{- define "ecoplan-lib.applicationYaml" -}}
{{- $ports := dict "server" (dict "port" .values.port) "management" (dict "server" (dict "port" .values.managementPort)) }}
{{- toYaml (merge (dict) $ports (deepCopy (default (dict) .properties)) (deepCopy (default (dict) .values.springProperties))) }}
{{- end }}

{{- define "ecoplan-lib.configMap" -}}
apiVersion: v1
kind: ConfigMap
metadata:
  {{- include "ecoplan-lib.componentMetadata" . | nindent 2 }}
data:
  application.yaml: |
    {{- include "ecoplan-lib.applicationYaml" . | nindent 4 }}
{{- end }}

{{- define "ecoplan-lib.deployment" -}}
{{- $values := .values -}}
{{- if eq (int $values.port) (int $values.managementPort) }}
{{- fail (printf "%s: managementPort must differ from port (%v): the actuator has a port of its own" .name $values.port) }}
{{- end -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  {{- include "ecoplan-lib.componentMetadata" . | nindent 2 }}
spec:
  {{- if not $values.autoscaling.enabled }}
  replicas: {{ $values.replicaCount }}
  {{- end }}
  revisionHistoryLimit: 5
  strategy:
    type: RollingUpdate
    rollingUpdate:
      # A new pod must be ready before an old one goes: capacity never drops during a rollout.
      maxUnavailable: 0
      maxSurge: 1
  selector:
    matchLabels:
      {{- include "ecoplan-lib.componentSelectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "ecoplan-lib.componentLabels" . | nindent 8 }}
      annotations:
        # The configuration is read at start: a changed ConfigMap must roll the pods to take effect.
        checksum/config: {{ include "ecoplan-lib.applicationYaml" . | sha256sum }}
        {{- range $name, $value := .checksums }}
        {{ $name }}: {{ $value | quote }}
        {{- end }}
        {{- with $values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
    spec:
      serviceAccountName: {{ include "ecoplan-lib.componentFullname" . }}
      {{- include "ecoplan-lib.podSecurity" . | nindent 6 }}
      # The preStop pause plus Boot's graceful shutdown (30 s per phase) fit in this.
      terminationGracePeriodSeconds: 45
      {{- with include "ecoplan-lib.topologySpread" . }}
      {{- . | nindent 6 }}
      {{- end }}
      containers:
        - name: {{ .name }}
          image: {{ include "ecoplan-lib.image" (dict "root" .root "image" $values.image) | quote }}
          imagePullPolicy: {{ $values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $values.port }}
              protocol: TCP
            # Actuator on its own port: health and metrics stay off the Service port the gateway
            # and the ingress use.
            - name: management
              containerPort: {{ $values.managementPort }}
              protocol: TCP
          env:
            - name: SPRING_CONFIG_ADDITIONAL_LOCATION
              value: {{ printf "file:%s" (include "ecoplan-lib.configDirectory" .) | quote }}
            - name: JAVA_TOOL_OPTIONS
              value: {{ include "ecoplan-lib.javaToolOptions" (merge (dict "springAot" true) $values.jvm) | quote }}
            {{- with .env }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
            {{- with $values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          # Up to three minutes for the JVM to start on a CPU-throttled node before liveness
          # takes over and may restart it.
          startupProbe:
            httpGet:
              path: /actuator/health/liveness
              port: management
            periodSeconds: 5
            failureThreshold: 36
          # Boot's liveness group holds no external checks: an outage of MongoDB or Keycloak
          # takes pods out of rotation through readiness and never restarts them.
          livenessProbe:
            httpGet:
              path: /actuator/health/liveness
              port: management
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /actuator/health/readiness
              port: management
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 3
          lifecycle:
            # Endpoints and ingress controllers learn of a terminating pod a moment after it is told
            # to stop; serving on for a few seconds keeps requests from reaching a closed port.
            preStop:
              sleep:
                seconds: 5
          resources:
            {{- toYaml $values.resources | nindent 12 }}
          {{- include "ecoplan-lib.containerSecurityContext" .root | nindent 10 }}
          volumeMounts:
            {{- include "ecoplan-lib.tmpVolumeMount" . | nindent 12 }}
            - name: config
              mountPath: {{ include "ecoplan-lib.configDirectory" . }}
              readOnly: true
      volumes:
        {{- include "ecoplan-lib.tmpVolume" . | nindent 8 }}
        - name: config
          configMap:
            name: {{ include "ecoplan-lib.componentFullname" . }}
      {{- with $values.nodeSelector }}
      nodeSelector:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.tolerations }}
      tolerations:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      {{- with $values.affinity }}
      affinity:
        {{- toYaml . | nindent 8 }}
      {{- end }}
{{- end }}

{{- define "ecoplan-lib.service" -}}
apiVersion: v1
kind: Service
metadata:
  {{- include "ecoplan-lib.componentMetadata" . | nindent 2 }}
spec:
  type: ClusterIP
  selector:
    {{- include "ecoplan-lib.componentSelectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ .values.port }}
      targetPort: http
      protocol: TCP
    # For metrics scrapers and the chart's test; the network policies decide who may connect.
    - name: management
      port: {{ .values.managementPort }}
      targetPort: management
      protocol: TCP
{{- end }}

{{- define "ecoplan-lib.serviceAccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  {{- include "ecoplan-lib.componentMetadata" . | nindent 2 }}
automountServiceAccountToken: false
{{- end }}

{{/*
Voluntary disruptions (node drains, cluster upgrades) take at most maxUnavailable pods at once.
Pods that are not ready may always be evicted, so a crash-looping pod cannot block a drain.
*/}}
{{- define "ecoplan-lib.podDisruptionBudget" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  {{- include "ecoplan-lib.componentMetadata" . | nindent 2 }}
spec:
  maxUnavailable: {{ .values.podDisruptionBudget.maxUnavailable }}
  unhealthyPodEvictionPolicy: AlwaysAllow
  selector:
    matchLabels:
      {{- include "ecoplan-lib.componentSelectorLabels" . | nindent 6 }}
{{- end }}

{{/* Only when values.autoscaling.enabled; the Deployment then leaves replicas to it. */}}
{{- define "ecoplan-lib.horizontalPodAutoscaler" -}}
{{- $autoscaling := .values.autoscaling -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  {{- include "ecoplan-lib.componentMetadata" . | nindent 2 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "ecoplan-lib.componentFullname" . }}
  minReplicas: {{ $autoscaling.minReplicas }}
  maxReplicas: {{ $autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target:
          type: Utilization
          averageUtilization: {{ $autoscaling.targetCpuUtilizationPercentage }}
{{- end }}

{{/* What may reach the component's pods and what they may reach. */}}
{{- define "ecoplan-lib.networkPolicy" -}}
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  {{- include "ecoplan-lib.componentMetadata" . | nindent 2 }}
spec:
  podSelector:
    matchLabels:
      {{- include "ecoplan-lib.componentSelectorLabels" . | nindent 6 }}
  policyTypes:
    - Ingress
    - Egress
  ingress:
    {{- with .ingress }}
    {{- toYaml . | nindent 4 }}
    {{- else }} []
    {{- end }}
  egress:
    {{- with .egress }}
    {{- toYaml . | nindent 4 }}
    {{- else }} []
    {{- end }}
{{- end }}
