{{/*
Names and labels. The root context is the including chart's (`$`), so .Chart is that chart:
the library takes its name and version from the chart that uses it.
*/}}

{{/* Chart name, trimmed to the 63 characters a label value allows. */}}
{{- define "ecoplan-lib.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
Prefix of every resource name. A release already named after the chart is not repeated
(release "ecoplan" gives "ecoplan-gateway", not "ecoplan-ecoplan-gateway").
*/}}
{{- define "ecoplan-lib.fullname" -}}
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
{{- define "ecoplan-lib.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels that identify the release; they never change after install, as selectors require. */}}
{{- define "ecoplan-lib.selectorLabels" -}}
app.kubernetes.io/name: {{ include "ecoplan-lib.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of every resource of the release. */}}
{{- define "ecoplan-lib.labels" -}}
helm.sh/chart: {{ include "ecoplan-lib.chart" . }}
{{ include "ecoplan-lib.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/part-of: {{ .Chart.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{/*
A part of the release: a component, the realm Job, the test pod. Context:
(dict "root" $ "name" "<part name in kebab case>").
*/}}
{{- define "ecoplan-lib.componentFullname" -}}
{{- printf "%s-%s" (include "ecoplan-lib.fullname" .root) .name | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels of a part's resources and pods. */}}
{{- define "ecoplan-lib.componentLabels" -}}
{{ include "ecoplan-lib.labels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{/* Labels that select a part's pods. */}}
{{- define "ecoplan-lib.componentSelectorLabels" -}}
{{ include "ecoplan-lib.selectorLabels" .root }}
app.kubernetes.io/component: {{ .name }}
{{- end }}

{{/* The metadata block of a part's namespaced resource. */}}
{{- define "ecoplan-lib.componentMetadata" -}}
name: {{ include "ecoplan-lib.componentFullname" . }}
namespace: {{ .root.Release.Namespace }}
labels:
  {{- include "ecoplan-lib.componentLabels" . | nindent 2 }}
{{- end }}

{{/*
An image reference from (dict "root" $ "image" <repository, tag, pullPolicy>); the tag defaults
to the chart's appVersion, so chart and images move together.
*/}}
{{- define "ecoplan-lib.image" -}}
{{- printf "%s:%s" .image.repository (default .root.Chart.AppVersion .image.tag) }}
{{- end }}
