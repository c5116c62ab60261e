package interview

// Prompter asks the interview's questions. It stands between the interview and the
// terminal library, so the interview can be driven by survey on a terminal, by numbered
// plain prompts, or by a script in tests.
type Prompter interface {
	// Input asks for a line of text; an empty answer gives def.
	Input(message, def string) (string, error)
	// Select asks to choose one of options and returns its index; def is preselected,
	// and NoDefault preselects nothing: a plain prompt then asks again on an empty line,
	// and a menu starts on its first option, where its cursor shows it. help, when not
	// empty, is shown on request.
	Select(message string, options []string, def int, help string) (int, error)
	// MultiSelect asks to choose any of options, none included, and returns their
	// indexes in order.
	MultiSelect(message string, options []string, help string) ([]int, error)
}

// NoDefault is Select's def for a question with no answer to offer: a question's score is
// never chosen by pressing Enter alone.
const NoDefault = -1
