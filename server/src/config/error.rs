use std::{borrow::Cow, fmt};

/// A configuration value that cannot be used. Displayed as one line that names the variable,
/// what was found and what is expected, so an operator can fix it without reading code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub variable: Cow<'static, str>,
    pub found: String,
    pub expected: String,
}

impl ConfigError {
    pub fn new(
        variable: impl Into<Cow<'static, str>>,
        found: impl Into<String>,
        expected: impl Into<String>,
    ) -> Self {
        Self { variable: variable.into(), found: found.into(), expected: expected.into() }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "configuration error: {} is {}; expected {}", self.variable, self.found, self.expected)
    }
}

impl std::error::Error for ConfigError {}
