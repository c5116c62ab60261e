// Package reports renders results for people and programs: terminal tables, Markdown, CSV,
// JSON, HTML and workbooks. It is the only package that knows about tablewriter and the
// spreadsheet library. Each report is a view that phrases its words once from the numbers
// assess computes; the formats it is written in are the per-format methods it has
// (format.go), and Output.Write is the one place that picks one. Views take an io.Writer
// and plain options; they never decide where output goes or read settings.
// docs/formats.md lists every command's formats.
package reports
