{{/*
The resources every component has: a Deployment, a Service and a ServiceAccount, each
rendered from one definition here and instantiated by a one-line template file per component,
so the gateway and the three services stay alike. Context: (dict "root" $ "key" "<values key>").
*/}}

{{- define "ecoplan.deployment" -}}
{{- $values := index .root.Values .key -}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "ecoplan.componentFullname" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "ecoplan.componentLabels" . | nindent 4 }}
spec:
  replicas: {{ $values.replicaCount }}
  selector:
    matchLabels:
      {{- include "ecoplan.componentSelectorLabels" . | nindent 6 }}
  template:
    metadata:
      labels:
        {{- include "ecoplan.componentLabels" . | nindent 8 }}
      {{- $checksum := include "ecoplan.mongodbSecretChecksum" . }}
      {{- if or $values.podAnnotations $checksum }}
      annotations:
        {{- with $values.podAnnotations }}
        {{- toYaml . | nindent 8 }}
        {{- end }}
        {{- with $checksum }}
        checksum/mongodb-secret: {{ . }}
        {{- end }}
      {{- end }}
    spec:
      serviceAccountName: {{ include "ecoplan.componentFullname" . }}
      # No component calls the Kubernetes API; an unmounted token cannot be stolen from a pod.
      automountServiceAccountToken: false
      # Service links would inject variables such as ECOPLAN_GATEWAY_PORT=tcp://..., which
      # Spring's relaxed binding reads as application properties.
      enableServiceLinks: false
      {{- with .root.Values.imagePullSecrets }}
      imagePullSecrets:
        {{- toYaml . | nindent 8 }}
      {{- end }}
      securityContext:
        {{- toYaml .root.Values.podSecurityContext | nindent 8 }}
      containers:
        - name: {{ include "ecoplan.componentName" . }}
          image: {{ include "ecoplan.image" . | quote }}
          imagePullPolicy: {{ $values.image.pullPolicy }}
          ports:
            - name: http
              containerPort: {{ $values.port }}
              protocol: TCP
          env:
            - name: SERVER_PORT
              value: {{ $values.port | quote }}
            - name: JAVA_TOOL_OPTIONS
              value: {{ $values.javaToolOptions | quote }}
            - name: ECOPLAN_KEYCLOAK_URL
              value: {{ .root.Values.keycloak.url | quote }}
            {{- if eq .key "gateway" }}
            {{- include "ecoplan.gatewayEnv" . | nindent 12 }}
            {{- else }}
            {{- include "ecoplan.serviceEnv" . | nindent 12 }}
            {{- end }}
            {{- with $values.extraEnv }}
            {{- toYaml . | nindent 12 }}
            {{- end }}
          # Up to three minutes for the JVM to start on a CPU-throttled node before liveness
          # takes over and may restart it.
          startupProbe:
            httpGet:
              path: /actuator/health/liveness
              port: http
            periodSeconds: 5
            failureThreshold: 36
          # Boot's liveness group holds no external checks: an outage of MongoDB or Keycloak
          # takes pods out of rotation through readiness and never restarts them.
          livenessProbe:
            httpGet:
              path: /actuator/health/liveness
              port: http
            periodSeconds: 10
            timeoutSeconds: 3
            failureThreshold: 3
          readinessProbe:
            httpGet:
              path: /actuator/health/readiness
              port: http
            periodSeconds: 5
            timeoutSeconds: 3
            failureThreshold: 3
          resources:
            {{- toYaml $values.resources | nindent 12 }}
          securityContext:
            {{- toYaml .root.Values.containerSecurityContext | nindent 12 }}
          volumeMounts:
            # The only writable path under readOnlyRootFilesystem: the JVM's and Netty's temp files.
            - name: tmp
              mountPath: /tmp
      volumes:
        - name: tmp
          emptyDir: {}
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

{{/* The gateway's routes to the services' in-cluster Services and its OAuth2 client secret. */}}
{{- define "ecoplan.gatewayEnv" -}}
- name: ECOPLAN_ROUTES_INDICATOR
  value: {{ include "ecoplan.componentUrl" (dict "root" .root "key" "indicatorService") | quote }}
- name: ECOPLAN_ROUTES_PROJECT
  value: {{ include "ecoplan.componentUrl" (dict "root" .root "key" "projectService") | quote }}
- name: ECOPLAN_ROUTES_RISK
  value: {{ include "ecoplan.componentUrl" (dict "root" .root "key" "riskService") | quote }}
- name: ECOPLAN_GATEWAY_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .root.Values.gateway.oauth2.existingSecret }}
      key: client-secret
{{- end }}

{{/*
A service's MongoDB connection: the shared connection string from a Secret, and the service's
own database, which Boot's spring.mongodb.database puts ahead of any database in the URI.
*/}}
{{- define "ecoplan.serviceEnv" -}}
- name: SPRING_MONGODB_URI
  valueFrom:
    secretKeyRef:
      name: {{ include "ecoplan.mongodb.secretName" .root }}
      key: {{ include "ecoplan.mongodb.secretKey" .root }}
- name: SPRING_MONGODB_DATABASE
  value: {{ (index .root.Values .key).database | quote }}
{{- end }}

{{/*
Checksum of the chart's own MongoDB Secret for the services' pods: environment variables are
read at container start, so a changed mongodb.uri must roll the pods to take effect.
*/}}
{{- define "ecoplan.mongodbSecretChecksum" -}}
{{- if and (ne .key "gateway") .root.Values.mongodb.uri }}
{{- .root.Values.mongodb.uri | sha256sum }}
{{- end }}
{{- end }}

{{- define "ecoplan.service" -}}
{{- $values := index .root.Values .key -}}
apiVersion: v1
kind: Service
metadata:
  name: {{ include "ecoplan.componentFullname" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "ecoplan.componentLabels" . | nindent 4 }}
spec:
  type: ClusterIP
  selector:
    {{- include "ecoplan.componentSelectorLabels" . | nindent 4 }}
  ports:
    - name: http
      port: {{ $values.port }}
      targetPort: http
      protocol: TCP
{{- end }}

{{- define "ecoplan.serviceAccount" -}}
apiVersion: v1
kind: ServiceAccount
metadata:
  name: {{ include "ecoplan.componentFullname" . }}
  namespace: {{ .root.Release.Namespace }}
  labels:
    {{- include "ecoplan.componentLabels" . | nindent 4 }}
automountServiceAccountToken: false
{{- end }}
