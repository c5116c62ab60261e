// Package reports renders results for people and programs: terminal tables, Markdown, CSV,
// JSON and HTML. It is the only package that knows about tablewriter. Renderers take an
// io.Writer and plain options; they never decide where output goes or read settings.
package reports
