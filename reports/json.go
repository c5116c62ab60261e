package reports

import (
	"bytes"
	"encoding/json"
	"io"
)

// WriteJSON writes v as indented JSON followed by a newline, without HTML escaping (a
// report is data, not markup).
func WriteJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// jsonBuffer encodes values compactly into memory, reusing its buffer: a team review
// encodes one report per person.
type jsonBuffer struct {
	buf bytes.Buffer
	enc *json.Encoder
}

// appendCompact appends v as one line of JSON, without HTML escaping and without the
// newline.
func (j *jsonBuffer) appendCompact(dst []byte, v any) ([]byte, error) {
	if j.enc == nil {
		j.enc = json.NewEncoder(&j.buf)
		j.enc.SetEscapeHTML(false)
	}
	j.buf.Reset()
	if err := j.enc.Encode(v); err != nil {
		return dst, err
	}
	return append(dst, bytes.TrimSuffix(j.buf.Bytes(), []byte("\n"))...), nil
}
