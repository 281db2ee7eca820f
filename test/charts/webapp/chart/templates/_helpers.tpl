{{/*
Expand the name of the chart.
*/}}
{{- define "webapp.name" -}}
{{- include "common.names.name" . -}}
{{- end -}}

{{- define "webapp.image" -}}
{{- $tag := .Values.image.tag | default .Chart.AppVersion -}}
{{- printf "%s/%s:%s" .Values.image.registry .Values.image.repository $tag -}}
{{- end -}}

{{- define "webapp.secretName" -}}
{{- if .Values.auth.existingSecret -}}
{{- .Values.auth.existingSecret -}}
{{- else -}}
{{- printf "%s-auth" (include "common.names.fullname" .) -}}
{{- end -}}
{{- end -}}
