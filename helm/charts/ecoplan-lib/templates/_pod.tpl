{{/*
Pod settings shared by every pod of the release: the components, the realm Job and the test pod.
They read these keys of the including chart's values: imagePullSecrets, podSecurityContext,
containerSecurityContext and topologySpread.
*/}}

{{/*
Pod-level fields that keep a pod away from the Kubernetes API and the node. Context:
(dict "root" $ "name" "<part>").
*/}}
{{- define "ecoplan-lib.podSecurity" -}}
# No part of EcoPlan calls the Kubernetes API; an unmounted token cannot be stolen from a pod.
automountServiceAccountToken: false
# Service links would inject variables such as ECOPLAN_GATEWAY_PORT=tcp://..., which Spring's
# relaxed binding reads as application properties.
enableServiceLinks: false
{{- with .root.Values.imagePullSecrets }}
imagePullSecrets:
  {{- toYaml . | nindent 2 }}
{{- end }}
securityContext:
  {{- toYaml .root.Values.podSecurityContext | nindent 2 }}
{{- end }}

{{/* A container's securityContext. Context: the root context. */}}
{{- define "ecoplan-lib.containerSecurityContext" -}}
securityContext:
  {{- toYaml .Values.containerSecurityContext | nindent 2 }}
{{- end }}

{{/* The container's only writable path under readOnlyRootFilesystem: the JVM's and Netty's temp files. */}}
{{- define "ecoplan-lib.tmpVolumeMount" -}}
- name: tmp
  mountPath: /tmp
{{- end }}

{{- define "ecoplan-lib.tmpVolume" -}}
- name: tmp
  emptyDir: {}
{{- end }}

{{/*
JAVA_TOOL_OPTIONS from (dict "maxRamPercentage" N "extraOptions" "..." "springAot" bool) : the heap is
sized from the container's memory limit, and an OutOfMemoryError ends the JVM so that the kubelet
restarts the container instead of leaving a half-working one in rotation. The heap starts at a tenth of
the limit (64 MiB of 640): from the JVM's default, a 64th, a start grew the heap through 36 young
collections, 5 with a tenth, and spent 0.27 s in pauses instead of 0.18 s (indicator-service, five
starts each); 10 is also the lowest maximum the schema allows, so the start never exceeds the maximum.
springAot runs a Spring Boot app on the bean definitions its image's build generated
(spring.aot.enabled), before extraOptions so that -Dspring.aot.enabled=false there still wins.
*/}}
{{- define "ecoplan-lib.javaToolOptions" -}}
{{- $options := list (printf "-XX:MaxRAMPercentage=%v" .maxRamPercentage) "-XX:InitialRAMPercentage=10" "-XX:+ExitOnOutOfMemoryError" "-Djava.io.tmpdir=/tmp" }}
{{- if .springAot }}
{{- $options = append $options "-Dspring.aot.enabled=true" }}
{{- end }}
{{- with .extraOptions }}
{{- $options = append $options . }}
{{- end }}
{{- join " " $options }}
{{- end }}

{{/*
Spreads a component's pods over nodes and zones, so that losing one takes out at most a share of
the replicas. Counted per rollout (pod-template-hash), so old and new pods do not skew each other.
Context: a component context.
*/}}
{{- define "ecoplan-lib.topologySpread" -}}
{{- $spread := .root.Values.topologySpread }}
{{- if $spread.enabled -}}
topologySpreadConstraints:
  {{- range $spread.topologyKeys }}
  - topologyKey: {{ . }}
    maxSkew: {{ $spread.maxSkew }}
    whenUnsatisfiable: {{ $spread.whenUnsatisfiable }}
    labelSelector:
      matchLabels:
        {{- include "ecoplan-lib.componentSelectorLabels" $ | nindent 8 }}
    matchLabelKeys:
      - pod-template-hash
  {{- end }}
{{- end }}
{{- end }}
