package cmd

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pmladder/pmladder/assess"
	"github.com/pmladder/pmladder/rubric"
)

// run runs the command line in-process and returns stdout, stderr and the status.
func run(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	streams := &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut}
	home := t.TempDir()
	env := map[string]string{"XDG_CONFIG_HOME": home, "XDG_DATA_HOME": home, "HOME": home}
	code := Run(args, streams, func(k string) string { return env[k] })
	return out.String(), errOut.String(), code
}

// TestTeamMatchesAssess checks that every person of a team review gets exactly the report
// that assess --answers gives them alone.
func TestTeamMatchesAssess(t *testing.T) {
	r, err := rubric.Default()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	rng := rand.New(rand.NewSource(7))
	header := assess.ProfileFields()
	for _, q := range r.Questions() {
		header = append(header, q.ID)
	}
	var sheet bytes.Buffer
	w := csv.NewWriter(&sheet)
	w.Write(header)
	roles := []string{"", "apm", "pm", "senior-pm", "group-pm", "product-consultant"}
	tracks := []string{"", "ic", "management"}
	var people [][]string
	for i := 0; i < 40; i++ {
		row := []string{fmt.Sprintf("Person %d, Jr.", i), []string{"self", "manager", "peer"}[i%3],
			fmt.Sprintf("2026-11-%02dT09:00:00Z", 1+i%28), roles[rng.Intn(len(roles))], roles[rng.Intn(len(roles))], tracks[rng.Intn(3)]}
		for range r.Questions() {
			switch v := rng.Intn(9); {
			case v == 6:
				row = append(row, "na")
			case v > 6:
				row = append(row, "")
			default:
				row = append(row, fmt.Sprint(v))
			}
		}
		w.Write(row)
		people = append(people, row)
	}
	w.Flush()
	sheetPath := filepath.Join(dir, "team.csv")
	os.WriteFile(sheetPath, sheet.Bytes(), 0o600)

	for _, extra := range [][]string{nil, {"--target", "senior-pm"}, {"--track", "ic", "--certs", "5"}} {
		out, stderr, code := run(t, append([]string{"team", sheetPath, "--format", "json"}, extra...)...)
		if code != 0 {
			t.Fatalf("team: %d %s", code, stderr)
		}
		var team struct {
			Format string            `json:"format"`
			People []json.RawMessage `json:"people"`
		}
		if err := json.Unmarshal([]byte(out), &team); err != nil {
			t.Fatalf("%v\n%s", err, out)
		}
		if team.Format != "pmladder-team/v1" || len(team.People) != len(people) {
			t.Fatalf("format %q, %d people", team.Format, len(team.People))
		}
		for i, row := range people {
			var doc strings.Builder
			fmt.Fprintf(&doc, "format: pmladder-answers/v1\nperson: %q\nassessor: %s\ndate: %s\n", row[0], row[1], row[2])
			for j, key := range []string{"current_role", "target_role", "track"} {
				if row[3+j] != "" {
					fmt.Fprintf(&doc, "%s: %s\n", key, row[3+j])
				}
			}
			doc.WriteString("answers:\n")
			for j, q := range r.Questions() {
				if v := row[6+j]; v != "" {
					fmt.Fprintf(&doc, "  %s: %s\n", q.ID, v)
				}
			}
			path := filepath.Join(dir, fmt.Sprintf("p%d.yaml", i))
			os.WriteFile(path, []byte(doc.String()), 0o600)
			single, stderr, code := run(t, append([]string{"assess", "--answers", path, "--format", "json"}, extra...)...)
			if code != 0 {
				t.Fatalf("assess: %d %s", code, stderr)
			}
			var a, b any
			json.Unmarshal([]byte(single), &a)
			json.Unmarshal(team.People[i], &b)
			if !reflect.DeepEqual(a, b) {
				t.Fatalf("person %d %v: team and assess differ:\nassess: %s\nteam: %s", i, extra, single, team.People[i])
			}
		}
	}
}
