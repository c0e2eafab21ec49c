// Checks the container files without a Docker engine: the Dockerfile parses and passes BuildKit's own lint rules
// (the checks of `docker build --check`) and builds a `runtime` stage; docker-compose.yml loads with the Compose
// specification's loader (schema, interpolation, references) and holds every service named on the command line.
// Usage: go run . <repo root> <service>...
package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/compose-spec/compose-go/v2/cli"
	"github.com/moby/buildkit/frontend/dockerfile/instructions"
	"github.com/moby/buildkit/frontend/dockerfile/linter"
	"github.com/moby/buildkit/frontend/dockerfile/parser"
)

func main() {
	if len(os.Args) < 3 {
		fail("usage: container-check <repo root> <service>...")
	}
	root, services := os.Args[1], os.Args[2:]
	checkDockerfile(filepath.Join(root, "Dockerfile"))
	checkCompose(root, services)
}

func checkDockerfile(file string) {
	f, err := os.Open(file)
	if err != nil {
		fail("%v", err)
	}
	defer f.Close()
	ast, err := parser.Parse(f)
	if err != nil {
		fail("Dockerfile: %v", err)
	}
	var warnings []string
	lint := linter.New(&linter.Config{Warn: func(rule, description, url, message string, location []parser.Range) {
		line := 0
		if len(location) > 0 {
			line = location[0].Start.Line
		}
		warnings = append(warnings, fmt.Sprintf("Dockerfile:%d: %s: %s", line, rule, message))
	}})
	stages, _, err := instructions.Parse(ast.AST, lint)
	if err != nil {
		fail("Dockerfile: %v", err)
	}
	if len(warnings) > 0 {
		for _, w := range warnings {
			fmt.Fprintln(os.Stderr, w)
		}
		fail("Dockerfile: %d lint warnings", len(warnings))
	}
	names := map[string]bool{}
	for _, stage := range stages {
		names[stage.Name] = true
	}
	for _, want := range []string{"build", "prune", "runtime"} {
		if !names[want] {
			fail("Dockerfile: no stage named %s", want)
		}
	}
	fmt.Printf("Dockerfile: %d stages, no lint warnings\n", len(stages))
}

func checkCompose(root string, services []string) {
	options, err := cli.NewProjectOptions([]string{filepath.Join(root, "docker-compose.yml")}, cli.WithWorkingDirectory(root), cli.WithName("ecommerce"))
	if err != nil {
		fail("docker-compose.yml: %v", err)
	}
	project, err := options.LoadProject(context.Background())
	if err != nil {
		fail("docker-compose.yml: %v", err)
	}
	for _, name := range services {
		if _, err := project.GetService(name); err != nil {
			fail("docker-compose.yml: %v", err)
		}
	}
	fmt.Printf("docker-compose.yml: %d services, valid for the Compose specification\n", len(project.Services))
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "container-check: "+format+"\n", args...)
	os.Exit(1)
}
