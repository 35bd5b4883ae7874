//! A readable device name from a User-Agent header.

/// "Firefox on Linux", "Chrome on Android", or "Unknown browser".
pub fn describe(user_agent: &str) -> String {
    match woothee::parser::Parser::new().parse(user_agent) {
        Some(r)
            if r.name != "UNKNOWN"
                && matches!(r.category, "pc" | "smartphone" | "mobilephone" | "appliance") =>
        {
            if r.os == "UNKNOWN" { r.name.to_string() } else { format!("{} on {}", r.name, r.os) }
        }
        _ => "Unknown browser".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_common_browsers() {
        let chrome = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36";
        assert_eq!(super::describe(chrome), "Chrome on Linux");
        assert_eq!(super::describe("curl/8.0"), "Unknown browser");
        assert_eq!(super::describe(""), "Unknown browser");
    }
}
