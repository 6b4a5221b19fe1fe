{{/*
What the ecoplan chart adds to the library's templates (ecoplan-lib): which components there are,
the Spring properties, Secrets and network rules each one gets.
*/}}

{{/* The values keys of the components; each renders as its kebab-case name (indicator-service). */}}
{{- define "ecoplan.componentKeys" -}}
- gateway
- indicatorService
- projectService
- riskService
{{- end }}

{{/*
Renders one of the library's component templates for one component:
(dict "root" $ "key" "<values key>" "template" "ecoplan-lib.<object>").
*/}}
{{- define "ecoplan.component" -}}
{{- $context := dict "root" .root "name" (kebabcase .key) "values" (index .root.Values .key) }}
{{- $_ := set $context "properties" (include "ecoplan.springProperties" . | fromYaml) }}
{{- $_ = set $context "env" (include "ecoplan.secretEnv" . | fromYamlArray) }}
{{- $_ = set $context "checksums" (include "ecoplan.checksums" . | fromYaml) }}
{{- $_ = set $context "ingress" (include "ecoplan.ingressRules" . | fromYamlArray) }}
{{- $_ = set $context "egress" (include "ecoplan.egressRules" . | fromYamlArray) }}
{{- include .template $context }}
{{- end }}

{{/* A component's context for the library's name and label helpers: (dict "root" $ "key" "..."). */}}
{{- define "ecoplan.fullnameOf" -}}
{{- include "ecoplan-lib.componentFullname" (dict "root" .root "name" (kebabcase .key)) }}
{{- end }}

{{/* In-cluster base URL of a component's Service. */}}
{{- define "ecoplan.componentUrl" -}}
{{- printf "http://%s:%v" (include "ecoplan.fullnameOf" .) (index .root.Values .key).port }}
{{- end }}

{{/* Keycloak as the browsers and the tokens' iss claim know it. */}}
{{- define "ecoplan.keycloak.issuer" -}}
{{- printf "%s/realms/ecoplan" .Values.keycloak.url }}
{{- end }}

{{/* Keycloak as the pods reach it: the in-cluster URL where one is given. */}}
{{- define "ecoplan.keycloak.internalUrl" -}}
{{- default .Values.keycloak.url .Values.keycloak.internalUrl }}
{{- end }}

{{/*
The Spring properties the chart sets for a component. Each service validates tokens itself: the
issuer must equal the iss claim (the public URL), while the keys are fetched in-cluster.
*/}}
{{- define "ecoplan.springProperties" -}}
{{- $root := .root -}}
spring:
  security:
    oauth2:
      resourceserver:
        jwt:
          issuer-uri: {{ include "ecoplan.keycloak.issuer" $root | quote }}
          jwk-set-uri: {{ printf "%s/realms/ecoplan/protocol/openid-connect/certs" (include "ecoplan.keycloak.internalUrl" $root) | quote }}
  mongodb:
    # The component's own database; it takes precedence over a database in the connection string.
    database: {{ (index $root.Values .key).database | quote }}
ecoplan:
  keycloak:
    url: {{ $root.Values.keycloak.url | quote }}
    {{- if eq .key "gateway" }}
    internal-url: {{ include "ecoplan.keycloak.internalUrl" $root | quote }}
    {{- end }}
  {{- if eq .key "riskService" }}
  onboarding:
    keycloak:
      # The admin API is called in-cluster, like the key set.
      url: {{ include "ecoplan.keycloak.internalUrl" $root | quote }}
  {{- end }}
  {{- if eq .key "gateway" }}
  routes:
    indicator: {{ include "ecoplan.componentUrl" (dict "root" $root "key" "indicatorService") | quote }}
    project: {{ include "ecoplan.componentUrl" (dict "root" $root "key" "projectService") | quote }}
    risk: {{ include "ecoplan.componentUrl" (dict "root" $root "key" "riskService") | quote }}
  {{- end }}
  {{- if eq .key "projectService" }}
  indicator-service:
    # The portfolio sets the projects against the plan's pollutant-total indicators.
    url: {{ include "ecoplan.componentUrl" (dict "root" $root "key" "indicatorService") | quote }}
  {{- end }}
{{- if eq .key "gateway" }}
server:
  # Login redirects must name the public https URL the ingress serves, which the gateway learns
  # from X-Forwarded-*. Only the ingress controller may connect (network policy), so only it can
  # set those headers.
  forward-headers-strategy: native
{{- end }}
{{- end }}

{{/*
Settings read from Secrets: the gateway's OAuth2 client secret, every component's MongoDB URI, and
risk-service's Keycloak client secret for enterprise onboarding.
*/}}
{{- define "ecoplan.secretEnv" -}}
{{- if eq .key "gateway" }}
{{- include "ecoplan.gatewayClientSecretEnv" .root }}
{{- end }}
{{- if eq .key "riskService" }}
{{- include "ecoplan.riskServiceClientSecretEnv" .root }}
{{- end }}
- name: SPRING_MONGODB_URI
  valueFrom:
    secretKeyRef:
      name: {{ include "ecoplan.mongodb.secretName" .root }}
      key: {{ include "ecoplan.mongodb.secretKey" .root }}
{{- end }}

{{/* The gateway's client secret in Keycloak, which the realm Job writes into the realm too. */}}
{{- define "ecoplan.gatewayClientSecretEnv" -}}
- name: ECOPLAN_GATEWAY_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .Values.gateway.oauth2.existingSecret }}
      key: {{ .Values.gateway.oauth2.existingSecretKey }}
{{- end }}

{{/* risk-service's client secret in Keycloak, which the realm Job writes into the realm too. */}}
{{- define "ecoplan.riskServiceClientSecretEnv" -}}
- name: ECOPLAN_RISK_CLIENT_SECRET
  valueFrom:
    secretKeyRef:
      name: {{ .Values.keycloak.riskServiceClient.existingSecret }}
      key: {{ .Values.keycloak.riskServiceClient.existingSecretKey }}
{{- end }}

{{/*
Checksum of the chart's own MongoDB Secret: environment variables are read at container start,
so a changed mongodb.uri must roll the pods to take effect.
*/}}
{{- define "ecoplan.checksums" -}}
{{- if .root.Values.mongodb.uri }}
checksum/mongodb-secret: {{ .root.Values.mongodb.uri | sha256sum }}
{{- end }}
{{- end }}

{{/*
Secret holding the MongoDB connection string: the chart's own when mongodb.uri is set,
otherwise mongodb.existingSecret. The chart's own is suffixed -uri so that it cannot collide
with the default existingSecret name a deployer may already have created.
*/}}
{{- define "ecoplan.mongodb.secretName" -}}
{{- if .Values.mongodb.uri }}
{{- printf "%s-mongodb-uri" (include "ecoplan-lib.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- .Values.mongodb.existingSecret }}
{{- end }}
{{- end }}

{{/* Key of the connection string in that Secret. */}}
{{- define "ecoplan.mongodb.secretKey" -}}
{{- if .Values.mongodb.uri }}mongodb-uri{{ else }}{{ .Values.mongodb.existingSecretKey }}{{ end }}
{{- end }}

{{/* Selects the pods of one part of this release, as a NetworkPolicy peer. */}}
{{- define "ecoplan.podPeer" -}}
- podSelector:
    matchLabels:
      {{- include "ecoplan-lib.componentSelectorLabels" . | nindent 6 }}
{{- end }}

{{/*
Who may connect to a component: the ingress controller to the gateway, the gateway to the
services, project-service to indicator-service (the portfolio's plan totals), the test pod to the
gateway, metrics scrapers to the management port. A rule without
peers would admit everyone: the schema requires ingressController to name some, and the metrics
rule is left out while metricsScrapers is empty.
*/}}
{{- define "ecoplan.ingressRules" -}}
{{- $values := index .root.Values .key }}
{{- $policy := .root.Values.networkPolicy }}
{{- if eq .key "gateway" }}
- from:
    {{- toYaml $policy.ingressController | nindent 4 }}
  ports:
    - port: {{ $values.port }}
      protocol: TCP
- from:
    {{- include "ecoplan.podPeer" (dict "root" .root "name" "test") | nindent 4 }}
  ports:
    - port: {{ $values.port }}
      protocol: TCP
    - port: {{ $values.managementPort }}
      protocol: TCP
{{- else }}
- from:
    {{- include "ecoplan.podPeer" (dict "root" .root "name" "gateway") | nindent 4 }}
    {{- if eq .key "indicatorService" }}
    {{- include "ecoplan.podPeer" (dict "root" .root "name" "project-service") | nindent 4 }}
    {{- end }}
  ports:
    - port: {{ $values.port }}
      protocol: TCP
{{- end }}
{{- with $policy.metricsScrapers }}
- from:
    {{- toYaml . | nindent 4 }}
  ports:
    - port: {{ $values.managementPort }}
      protocol: TCP
{{- end }}
{{- end }}

{{/*
Where a component may connect: DNS, Keycloak and MongoDB, then the gateway the services, and
project-service indicator-service.
*/}}
{{- define "ecoplan.egressRules" -}}
{{- $policy := .root.Values.networkPolicy }}
{{- include "ecoplan.baseEgressRules" .root }}
{{- with $policy.mongodb }}
- {{- toYaml . | nindent 2 }}
{{- end }}
{{- if eq .key "gateway" }}
{{- range $key := without (include "ecoplan.componentKeys" .root | fromYamlArray) "gateway" }}
- to:
    {{- include "ecoplan.podPeer" (dict "root" $.root "name" (kebabcase $key)) | nindent 4 }}
  ports:
    - port: {{ (index $.root.Values $key).port }}
      protocol: TCP
{{- end }}
{{- else if eq .key "projectService" }}
- to:
    {{- include "ecoplan.podPeer" (dict "root" .root "name" "indicator-service") | nindent 4 }}
  ports:
    - port: {{ .root.Values.indicatorService.port }}
      protocol: TCP
{{- end }}
{{- end }}

{{/* DNS, Keycloak and the deployer's extra rules: what every Java pod of the release needs. */}}
{{- define "ecoplan.baseEgressRules" -}}
{{- $policy := .Values.networkPolicy }}
- {{- toYaml $policy.dns | nindent 2 }}
- {{- toYaml $policy.keycloak | nindent 2 }}
{{- with $policy.extraEgress }}
{{ toYaml . }}
{{- end }}
{{- end }}
