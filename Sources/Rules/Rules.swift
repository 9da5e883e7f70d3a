// The rule language lives here (see docs/rules.md).
