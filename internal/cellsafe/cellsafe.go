// Package cellsafe keeps text cells from running as spreadsheet formulas (OWASP CSV
// injection) and undoes it when a sheet pmladder wrote comes back.
package cellsafe

// Neutralise prefixes an apostrophe to a text cell that starts with =, +, -, @, a tab or
// a carriage return, so that spreadsheets show it as text instead of running it.
func Neutralise(s string) string {
	if s != "" && risky(s[0]) {
		return "'" + s
	}
	return s
}

// Restore undoes Neutralise: a cell read back from a sheet loses the apostrophe that
// only guarded its first character, so "-Ada" stays "-Ada" through a round trip. An
// apostrophe before anything else is the person's own and stays.
func Restore(s string) string {
	if len(s) >= 2 && s[0] == '\'' && risky(s[1]) {
		return s[1:]
	}
	return s
}

func risky(c byte) bool {
	switch c {
	case '=', '+', '-', '@', '\t', '\r':
		return true
	}
	return false
}
