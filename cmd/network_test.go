package cmd

import (
	"os/exec"
	"sort"
	"strings"
	"testing"
)

// TestNoNetworking checks that pmladder cannot reach the network: no package of ours
// imports a networking package, and the libraries that do (cobra's flags, viper's
// decoding and file-system layer, excelize's content sniffing) are exactly the known ones, whose networking code
// pmladder never calls. A new import of networking code anywhere fails this test.
func TestNoNetworking(t *testing.T) {
	networkPackages := map[string]bool{
		"net": true, "net/http": true, "net/rpc": true, "net/smtp": true, "crypto/tls": true,
		"net/http/httptrace": true, "net/textproto": true,
	}
	out, err := exec.Command("go", "list", "-deps", "-f", `{{.ImportPath}}|{{join .Imports " "}}`, "github.com/pmladder/pmladder").Output()
	if err != nil {
		t.Fatalf("go list: %v", err)
	}
	allowed := map[string]bool{
		"github.com/spf13/pflag":              true, // net.IP and net.IPMask flag types
		"github.com/go-viper/mapstructure/v2": true, // decode hooks for net.IP and friends
		"github.com/spf13/afero":              true, // viper's file system; its HTTP adapter
		"github.com/xuri/excelize/v2":         true, // http.DetectContentType, sniffing an embedded file's type
	}
	var importers []string
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		pkg, imports, _ := strings.Cut(line, "|")
		if networkPackages[pkg] || strings.HasPrefix(pkg, "net/") || strings.HasPrefix(pkg, "crypto/") ||
			strings.HasPrefix(pkg, "vendor/") || strings.HasPrefix(pkg, "internal/") || !strings.Contains(pkg, ".") {
			continue // the standard library's own graph
		}
		for _, imp := range strings.Fields(imports) {
			if networkPackages[imp] {
				importers = append(importers, pkg+" → "+imp)
				if strings.HasPrefix(pkg, "github.com/pmladder/") {
					t.Errorf("%s imports %s: pmladder must never touch the network", pkg, imp)
				} else if !allowed[pkg] {
					t.Errorf("%s imports %s: a new way to the network; check it and list it here", pkg, imp)
				}
			}
		}
	}
	sort.Strings(importers)
	t.Logf("networking imports, all in libraries: %v", importers)
}
