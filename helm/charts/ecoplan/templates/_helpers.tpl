{{/*
Names and labels. Helpers that concern one component take a context built as
(dict "root" $ "key" "<values key>"), e.g. (dict "root" $ "key" "indicatorService"); the
component's name in resource names and labels is the key in kebab case (indicator-service).
*/}}

{{/* Chart name, trimmed to the 63 characters a label value allows. */}}
{{- define "ecoplan.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Prefix of every resource name. A release already named after the chart is not repeated
(release "ecoplan" gives "ecoplan-gateway", not "ecoplan-ecoplan-gateway").
*/}}
{{- define "ecoplan.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{/* Chart name and version for the helm.sh/chart label. */}}
{{- define "ecoplan.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of every resource of the release. */}}
{{- define "ecoplan.labels" -}}
helm.sh/chart: {{ include "ecoplan.chart" . }}
{{ include "ecoplan.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: ecoplan
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/* Labels that identify the release; they never change after install, as selectors require. */}}
{{- define "ecoplan.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ecoplan.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Component name: the values key in kebab case. */}}
{{- define "ecoplan.componentName" -}}
{{- kebabcase .key }}
{{- end }}

{{/* Name of a component's Deployment, Service and ServiceAccount. */}}
{{- define "ecoplan.componentFullname" -}}
{{- printf "%s-%s" (include "ecoplan.fullname" .root) (include "ecoplan.componentName" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of a component's resources. */}}
{{- define "ecoplan.componentLabels" -}}
{{ include "ecoplan.labels" .root }}
app.kubernetes.io/component: {{ include "ecoplan.componentName" . }}
{{- end }}

{{/* Selector labels of a component's pods. */}}
{{- define "ecoplan.componentSelectorLabels" -}}
{{ include "ecoplan.selectorLabels" .root }}
app.kubernetes.io/component: {{ include "ecoplan.componentName" . }}
{{- end }}

{{/* A component's image reference; the tag defaults to the chart's appVersion. */}}
{{- define "ecoplan.image" -}}
{{- $image := (index .root.Values .key).image }}
{{- printf "%s:%s" $image.repository (default .root.Chart.AppVersion $image.tag) }}
{{- end }}

{{/* In-cluster base URL of a component's Service. */}}
{{- define "ecoplan.componentUrl" -}}
{{- printf "http://%s:%v" (include "ecoplan.componentFullname" .) (index .root.Values .key).port }}
{{- end }}

{{/*
Secret holding the MongoDB connection string: the chart's own when mongodb.uri is set,
otherwise mongodb.existingSecret. The chart's own is suffixed -uri so that it cannot collide
with the default existingSecret name a deployer may already have created.
*/}}
{{- define "ecoplan.mongodb.secretName" -}}
{{- if .Values.mongodb.uri }}
{{- printf "%s-mongodb-uri" (include "ecoplan.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- .Values.mongodb.existingSecret }}
{{- end }}
{{- end }}

{{/* Key of the connection string in that Secret. */}}
{{- define "ecoplan.mongodb.secretKey" -}}
{{- if .Values.mongodb.uri }}mongodb-uri{{ else }}{{ .Values.mongodb.existingSecretKey }}{{ end }}
{{- end }}
