package cmd

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// TestPacketPeersBelowTheThresholdCannotBeWorkedOut: with fewer peers than --min-peers,
// no peer's score can be worked out from the packet — in every format it is byte for
// byte the same whatever the peers answered, and its numbers are those of self and the
// manager alone.
func TestPacketPeersBelowTheThresholdCannotBeWorkedOut(t *testing.T) {
	ex := filepath.Join("..", "examples")
	self, manager := filepath.Join(ex, "ada-self.yaml"), filepath.Join(ex, "ada-manager.yaml")
	peer1, peer2 := filepath.Join(ex, "ada-peer-1.yaml"), filepath.Join(ex, "ada-peer-2.yaml")
	// The first peer's every answer moved: 0–2 become 4, 3–5 become 0.
	data, err := os.ReadFile(peer1)
	if err != nil {
		t.Fatal(err)
	}
	moved := regexp.MustCompile(`(?m)^(  [a-z-]+\.\d+: )([0-5])$`).ReplaceAllStringFunc(string(data), func(line string) string {
		if line[len(line)-1] <= '2' {
			return line[:len(line)-1] + "4"
		}
		return line[:len(line)-1] + "0"
	})
	if moved == string(data) {
		t.Fatal("the peer's answers did not change")
	}
	other := filepath.Join(t.TempDir(), "peer.yaml")
	if err := os.WriteFile(other, []byte(moved), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, format := range []string{"json", "markdown", "html"} {
		a, errA, codeA := run(t, "packet", self, manager, peer1, peer2, "--format", format)
		b, errB, codeB := run(t, "packet", self, manager, other, peer2, "--format", format)
		if codeA != 0 || codeB != 0 {
			t.Fatalf("%s: exit %d %q, %d %q", format, codeA, errA, codeB, errB)
		}
		if a != b {
			t.Errorf("%s: the packet changes with what a peer answered, below the threshold", format)
		}
	}

	// The numbers are self's and the manager's alone.
	var withPeers, without struct {
		TargetRole json.RawMessage `json:"target_role"`
		Readiness  json.RawMessage `json:"readiness"`
		Skills     json.RawMessage `json:"skills"`
	}
	a, errA, codeA := run(t, "packet", self, manager, peer1, peer2, "--format", "json")
	b, errB, codeB := run(t, "packet", self, manager, "--format", "json")
	if codeA != 0 || codeB != 0 {
		t.Fatalf("exit %d %q, %d %q", codeA, errA, codeB, errB)
	}
	if err := json.Unmarshal([]byte(a), &withPeers); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(b), &without); err != nil {
		t.Fatal(err)
	}
	for name, pair := range map[string][2]json.RawMessage{
		"target_role": {withPeers.TargetRole, without.TargetRole},
		"readiness":   {withPeers.Readiness, without.Readiness},
		"skills":      {withPeers.Skills, without.Skills},
	} {
		if string(pair[0]) != string(pair[1]) {
			t.Errorf("%s differs with two peers from self and manager alone", name)
		}
	}

	// From the threshold on they count: the packet changes with them.
	peer3 := filepath.Join(ex, "ada-peer-3.yaml")
	c, errC, codeC := run(t, "packet", self, manager, peer1, peer2, peer3, "--format", "json")
	d, errD, codeD := run(t, "packet", self, manager, other, peer2, peer3, "--format", "json")
	if codeC != 0 || codeD != 0 {
		t.Fatalf("three peers: exit %d %q, %d %q", codeC, errC, codeD, errD)
	}
	if c == d {
		t.Error("three peers: the packet does not show them")
	}
}

// TestPacketWhatIfIsTheReports: the packet's what-if is the lead's, exactly what report
// --what-if gives for the same answers and target.
func TestPacketWhatIfIsTheReports(t *testing.T) {
	ex := filepath.Join("..", "examples", "promotion")
	self, manager := filepath.Join(ex, "bo-self.yaml"), filepath.Join(ex, "bo-manager.yaml")
	type whatIf struct {
		WhatIf json.RawMessage `json:"what_if"`
		Fewest json.RawMessage `json:"fewest_steps"`
	}
	for _, target := range []string{"principal-pm", "senior-principal-pm", "senior-pm"} {
		var packet, report whatIf
		p, errP, codeP := run(t, "packet", self, manager, "--target", target, "--format", "json")
		r, errR, codeR := run(t, "report", self, "--what-if", "--target", target, "--format", "json")
		if codeP != 0 || codeR != 0 {
			t.Fatalf("%s: exit %d %q, %d %q", target, codeP, errP, codeR, errR)
		}
		if err := json.Unmarshal([]byte(p), &packet); err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal([]byte(r), &report); err != nil {
			t.Fatal(err)
		}
		if string(packet.WhatIf) != string(report.WhatIf) || string(packet.Fewest) != string(report.Fewest) {
			t.Errorf("%s: the packet's what-if is not the report's:\n%s %s\n%s %s", target, packet.WhatIf, packet.Fewest, report.WhatIf, report.Fewest)
		}
		// Bo holds senior-pm already (no steps needed) and is a few steps from the others.
		if held := target == "senior-pm"; held != (string(packet.Fewest) == "[]") || held == (len(packet.WhatIf) > 2) {
			t.Errorf("%s: what-if %s, fewest %s", target, packet.WhatIf, packet.Fewest)
		}
	}
}
