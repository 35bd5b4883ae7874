use std::collections::HashMap;

use super::*;

fn parse(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
    let dir = std::env::temp_dir().join(format!("config-test-{}", std::process::id()));
    let mut map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    map.entry("DATA_DIR".into()).or_insert_with(|| dir.display().to_string());
    Config::from_lookup(|name| map.get(name).cloned())
}

const KEY: &str = "0123456789abcdef0123456789abcdef";

fn err(vars: &[(&str, &str)]) -> ConfigError {
    parse(vars).expect_err("configuration should be refused")
}

#[test]
fn defaults_apply_when_nothing_is_set() {
    let c = parse(&[("SECRET_KEY", KEY)]).unwrap();
    assert_eq!(c.socket.to_string(), "127.0.0.1:3000");
    assert_eq!(c.service_domain, "http://localhost:3000");
    assert_eq!(c.mem_cache_duration, std::time::Duration::from_secs(8 * 3600));
    assert_eq!(c.session_ttl, std::time::Duration::from_secs(30 * 86400));
    assert_eq!(c.session_renewal_window, std::time::Duration::from_secs(7 * 86400));
    assert_eq!(c.session_max_lifetime, std::time::Duration::from_secs(90 * 86400));
    assert_eq!(c.session_idle_timeout, std::time::Duration::from_secs(30 * 86400));
    assert_eq!(c.passkey_sign_in_ceremonies_max, 10_000);
    assert!(c.database_url.is_none() && c.bucket.is_none() && c.smtp.is_none() && c.providers.is_empty());
    assert!(!c.is_production());
    assert_eq!(c.trusted_proxy_hops, 0, "X-Forwarded-For is ignored unless configured");
}

#[test]
fn trusted_proxy_hops_is_a_whole_number() {
    assert_eq!(parse(&[("SECRET_KEY", KEY), ("TRUSTED_PROXY_HOPS", "2")]).unwrap().trusted_proxy_hops, 2);
    for bad in ["-1", "one", "1.5"] {
        assert_eq!(err(&[("SECRET_KEY", KEY), ("TRUSTED_PROXY_HOPS", bad)]).variable, "TRUSTED_PROXY_HOPS");
    }
}

#[test]
fn the_socket_defaults_to_the_site_addr_cargo_leptos_passes() {
    let watch = parse(&[("SECRET_KEY", KEY), ("LEPTOS_SITE_ADDR", "127.0.0.1:4321")]).unwrap();
    assert_eq!(watch.socket.port(), 4321, "cargo leptos passes site-addr");
    let both =
        parse(&[("SECRET_KEY", KEY), ("SOCKET", "127.0.0.1:5000"), ("LEPTOS_SITE_ADDR", "127.0.0.1:4321")]);
    assert_eq!(both.unwrap().socket.port(), 5000, "SOCKET wins");
}

#[test]
fn unparseable_socket_names_the_variable() {
    let e = err(&[("SECRET_KEY", KEY), ("SOCKET", "localhost:http")]);
    assert_eq!(e.variable, "SOCKET");
    assert!(e.to_string().contains("\"localhost:http\""), "{e}");
    assert!(e.to_string().contains("127.0.0.1:3000"), "{e}");
}

#[test]
fn unparseable_or_zero_duration_is_refused() {
    for bad in ["eight hours", "0s", "-5m"] {
        let e = err(&[("SECRET_KEY", KEY), ("MEM_CACHE_DURATION", bad)]);
        assert_eq!(e.variable, "MEM_CACHE_DURATION", "{bad}");
    }
    let e = err(&[("SECRET_KEY", KEY), ("SESSION_TTL", "forever")]);
    assert_eq!(e.variable, "SESSION_TTL");
}

#[test]
fn the_idle_timeout_is_at_least_five_minutes() {
    let c = parse(&[("SECRET_KEY", KEY), ("SESSION_IDLE_TIMEOUT", "12h")]).unwrap();
    assert_eq!(c.session_idle_timeout, std::time::Duration::from_secs(12 * 3600));
    for bad in ["1m", "0s", "soon"] {
        let e = err(&[("SECRET_KEY", KEY), ("SESSION_IDLE_TIMEOUT", bad)]);
        assert_eq!(e.variable, "SESSION_IDLE_TIMEOUT", "{bad}");
    }
    assert!(err(&[("SECRET_KEY", KEY), ("SESSION_IDLE_TIMEOUT", "1m")]).to_string().contains("5m"));
}

#[test]
fn the_passkey_ceremony_cap_is_a_positive_number() {
    let c = parse(&[("SECRET_KEY", KEY), ("PASSKEY_SIGN_IN_CEREMONIES_MAX", "50")]).unwrap();
    assert_eq!(c.passkey_sign_in_ceremonies_max, 50);
    let e = err(&[("SECRET_KEY", KEY), ("PASSKEY_SIGN_IN_CEREMONIES_MAX", "0")]);
    assert_eq!(e.variable, "PASSKEY_SIGN_IN_CEREMONIES_MAX");
}

#[test]
fn short_secret_key_is_refused_without_echoing_it() {
    let e = err(&[("SECRET_KEY", "too-short-secret")]);
    assert_eq!(e.variable, "SECRET_KEY");
    assert!(!e.to_string().contains("too-short-secret"));
    assert!(e.to_string().contains("16 bytes"), "{e}");
}

#[test]
fn missing_secret_key_in_production_is_an_error() {
    let e = err(&[("SERVICE_DOMAIN", "https://example.com")]);
    assert_eq!(e.variable, "SECRET_KEY");
}

#[test]
fn missing_secret_key_locally_generates_a_private_file() {
    let dir = std::env::temp_dir().join(format!("config-secret-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let dir_s = dir.display().to_string();
    let first = parse(&[("DATA_DIR", &dir_s)]).unwrap();
    let second = parse(&[("DATA_DIR", &dir_s)]).unwrap();
    assert_eq!(first.secret_key.as_bytes(), second.secret_key.as_bytes(), "the key is reused");
    assert!(first.secret_key.as_bytes().len() >= 32);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join("secret_key")).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(
        !format!("{:?}", first.secret_key)
            .contains(std::str::from_utf8(first.secret_key.as_bytes()).unwrap())
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn half_a_bucket_group_names_the_missing_variable() {
    let e =
        err(&[("SECRET_KEY", KEY), ("BUCKET_ENDPOINT", "http://127.0.0.1:9000"), ("BUCKET_NAME", "avatars")]);
    assert_eq!(e.variable, "BUCKET_REGION");
    assert!(e.to_string().contains("BUCKET_ENDPOINT"), "{e}");
}

#[test]
fn full_bucket_group_is_accepted() {
    let c = parse(&[
        ("SECRET_KEY", KEY),
        ("BUCKET_ENDPOINT", "http://127.0.0.1:9000"),
        ("BUCKET_NAME", "avatars"),
        ("BUCKET_REGION", "us-east-1"),
        ("BUCKET_ACCESS_KEY", "ak"),
        ("BUCKET_SECRET_KEY", "sk"),
    ])
    .unwrap();
    assert_eq!(c.bucket.unwrap().name, "avatars");
}

#[test]
fn half_a_google_pair_is_refused() {
    let e = err(&[("SECRET_KEY", KEY), ("GOOGLE_CLIENT_ID", "id")]);
    assert_eq!(e.variable, "GOOGLE_CLIENT_SECRET");
    let e = err(&[("SECRET_KEY", KEY), ("GOOGLE_CLIENT_SECRET", "secret")]);
    assert_eq!(e.variable, "GOOGLE_CLIENT_ID");
}

#[test]
fn google_issuer_over_plain_http_only_on_loopback() {
    let base = [("SECRET_KEY", KEY), ("GOOGLE_CLIENT_ID", "id"), ("GOOGLE_CLIENT_SECRET", "s")];
    let mut ok = base.to_vec();
    ok.push(("GOOGLE_ISSUER_URL", "http://127.0.0.1:4000/oidc"));
    let google = parse(&ok).unwrap().providers.remove(0);
    assert_eq!(google.kind, ProviderKind::Oidc { issuer_url: "http://127.0.0.1:4000/oidc".into() });
    assert_eq!((google.id.as_str(), google.label.as_str()), ("google", "Google"));
    let mut bad = base.to_vec();
    bad.push(("GOOGLE_ISSUER_URL", "http://idp.example.com"));
    assert_eq!(err(&bad).variable, "GOOGLE_ISSUER_URL");
}

#[test]
fn providers_come_in_button_order_with_their_rules() {
    let c = parse(&[
        ("SECRET_KEY", KEY),
        ("OIDC_PROVIDERS", "okta, acme-sso"),
        ("OIDC_OKTA_ISSUER", "https://acme.okta.com/"),
        ("OIDC_OKTA_CLIENT_ID", "o"),
        ("OIDC_OKTA_CLIENT_SECRET", "os"),
        ("OIDC_OKTA_LABEL", "Okta"),
        ("OIDC_ACME_SSO_ISSUER", "http://127.0.0.1:9/realms/acme"),
        ("OIDC_ACME_SSO_CLIENT_ID", "a"),
        ("OIDC_ACME_SSO_CLIENT_SECRET", "as"),
        ("OIDC_ACME_SSO_AUTHORITATIVE_DOMAINS", "Acme.example, corp.acme.example"),
        ("GITHUB_CLIENT_ID", "g"),
        ("GITHUB_CLIENT_SECRET", "gs"),
        ("GOOGLE_CLIENT_ID", "id"),
        ("GOOGLE_CLIENT_SECRET", "s"),
    ])
    .unwrap();
    let ids: Vec<&str> = c.providers.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["google", "github", "okta", "acme-sso"]);
    let github = &c.providers[1];
    assert_eq!(github.authority, Authority::Never, "GitHub never links silently");
    assert_eq!(
        github.kind,
        ProviderKind::GitHub {
            web_url: "https://github.com".into(),
            api_url: "https://api.github.com".into()
        }
    );
    assert_eq!(c.providers[2].label, "Okta");
    assert_eq!(c.providers[2].authority, Authority::Never);
    assert_eq!(c.providers[3].label, "acme-sso", "the id when no label is set");
    assert_eq!(
        c.providers[3].authority,
        Authority::Domains(vec!["acme.example".into(), "corp.acme.example".into()])
    );
}

#[test]
fn microsoft_defaults_to_the_common_tenant_and_links_only_on_xms_edov() {
    let c = parse(&[("SECRET_KEY", KEY), ("MICROSOFT_CLIENT_ID", "m"), ("MICROSOFT_CLIENT_SECRET", "ms")])
        .unwrap();
    let microsoft = &c.providers[0];
    assert_eq!((microsoft.id.as_str(), microsoft.label.as_str()), ("microsoft", "Microsoft"));
    assert_eq!(
        microsoft.kind,
        ProviderKind::Microsoft {
            base_url: "https://login.microsoftonline.com".into(),
            tenant: "common".into()
        }
    );
    assert_eq!(microsoft.authority, Authority::Microsoft);
    let e = err(&[
        ("SECRET_KEY", KEY),
        ("MICROSOFT_CLIENT_ID", "m"),
        ("MICROSOFT_CLIENT_SECRET", "ms"),
        ("MICROSOFT_TENANT", "a/b"),
    ]);
    assert_eq!(e.variable, "MICROSOFT_TENANT");
}

#[test]
fn apple_needs_all_four_variables_and_a_readable_key() {
    let e = err(&[("SECRET_KEY", KEY), ("APPLE_CLIENT_ID", "com.example.web"), ("APPLE_TEAM_ID", "T")]);
    assert_eq!(e.variable, "APPLE_KEY_ID");
    let e = err(&[
        ("SECRET_KEY", KEY),
        ("APPLE_CLIENT_ID", "com.example.web"),
        ("APPLE_TEAM_ID", "T"),
        ("APPLE_KEY_ID", "K"),
        ("APPLE_PRIVATE_KEY", "-----BEGIN PRIVATE KEY-----\\nnot-a-key\\n-----END PRIVATE KEY-----"),
    ]);
    assert_eq!(e.variable, "APPLE_PRIVATE_KEY");
    assert!(!e.to_string().contains("not-a-key"), "the value is never shown");
}

#[test]
fn a_bad_provider_names_its_variable() {
    let base = [("SECRET_KEY", KEY)];
    let with = |extra: &[(&'static str, &'static str)]| {
        let mut v = base.to_vec();
        v.extend_from_slice(extra);
        err(&v).variable.into_owned()
    };
    assert_eq!(with(&[("GITHUB_CLIENT_ID", "g")]), "GITHUB_CLIENT_SECRET");
    assert_eq!(with(&[("OIDC_PROVIDERS", "Okta")]), "OIDC_PROVIDERS");
    assert_eq!(with(&[("OIDC_PROVIDERS", "google")]), "OIDC_PROVIDERS");
    assert_eq!(with(&[("OIDC_PROVIDERS", "passkey")]), "OIDC_PROVIDERS", "a stored sign-in method");
    assert_eq!(with(&[("OIDC_PROVIDERS", "next")]), "OIDC_PROVIDERS", "a query parameter of /login");
    assert_eq!(with(&[("OIDC_PROVIDERS", "okta")]), "OIDC_OKTA_ISSUER");
    assert_eq!(
        with(&[
            ("OIDC_PROVIDERS", "okta"),
            ("OIDC_OKTA_ISSUER", "https://o.example"),
            ("OIDC_OKTA_CLIENT_ID", "o")
        ]),
        "OIDC_OKTA_CLIENT_SECRET"
    );
    assert_eq!(
        with(&[
            ("OIDC_PROVIDERS", "okta"),
            ("OIDC_OKTA_ISSUER", "http://idp.example.com"),
            ("OIDC_OKTA_CLIENT_ID", "o"),
            ("OIDC_OKTA_CLIENT_SECRET", "s")
        ]),
        "OIDC_OKTA_ISSUER"
    );
    assert_eq!(
        with(&[("GITHUB_CLIENT_ID", "g"), ("GITHUB_CLIENT_SECRET", "s"), ("GITHUB_API_URL", "ftp://x")]),
        "GITHUB_API_URL"
    );
}

#[test]
fn smtp_settings_are_checked() {
    assert_eq!(err(&[("SECRET_KEY", KEY), ("SMTP_KEY", "pw")]).variable, "SMTP_KEY");
    assert_eq!(err(&[("SECRET_KEY", KEY), ("SMTP_HOST", "mail.example.com:notaport")]).variable, "SMTP_HOST");
    assert_eq!(
        err(&[("SECRET_KEY", KEY), ("SMTP_HOST", "mail.example.com"), ("SMTP_TLS", "plain")]).variable,
        "SMTP_TLS"
    );
    let c = parse(&[("SECRET_KEY", KEY), ("SMTP_HOST", "127.0.0.1:2525"), ("SMTP_TLS", "plain")]).unwrap();
    let smtp = c.smtp.unwrap();
    assert_eq!((smtp.host.as_str(), smtp.port, smtp.tls), ("127.0.0.1", 2525, SmtpTls::Plain));
    assert_eq!(smtp.user, c.noreply_email);
}

#[test]
fn bad_urls_and_numbers_are_refused() {
    assert_eq!(err(&[("SECRET_KEY", KEY), ("SERVICE_DOMAIN", "example.com")]).variable, "SERVICE_DOMAIN");
    assert_eq!(err(&[("SECRET_KEY", KEY), ("DATABASE_URL", "mysql://u:pw@h/db")]).variable, "DATABASE_URL");
    assert!(!err(&[("SECRET_KEY", KEY), ("DATABASE_URL", "mysql://u:pw@h/db")]).to_string().contains("pw"));
    assert_eq!(err(&[("SECRET_KEY", KEY), ("MEM_CACHE_CAPACITY", "0")]).variable, "MEM_CACHE_CAPACITY");
    assert_eq!(err(&[("SECRET_KEY", KEY), ("DATABASE_POOL_SIZE", "many")]).variable, "DATABASE_POOL_SIZE");
}

#[test]
fn secrets_never_print() {
    let c = parse(&[
        ("SECRET_KEY", KEY),
        ("DATABASE_URL", "postgres://app:db-password-123@db.example/accounts"),
        ("GOOGLE_CLIENT_ID", "id"),
        ("GOOGLE_CLIENT_SECRET", "google-secret-456"),
        ("SMTP_HOST", "smtp.example.com"),
        ("SMTP_USER", "mailer"),
        ("SMTP_KEY", "smtp-key-789"),
        ("BUCKET_ENDPOINT", "https://s3.example.com"),
        ("BUCKET_NAME", "avatars"),
        ("BUCKET_REGION", "eu-west-1"),
        ("BUCKET_ACCESS_KEY", "access"),
        ("BUCKET_SECRET_KEY", "bucket-secret-012"),
    ])
    .unwrap();
    let printed = format!("{c:?}");
    for secret in [KEY, "db-password-123", "google-secret-456", "smtp-key-789", "bucket-secret-012"] {
        assert!(!printed.contains(secret), "{secret} printed in {printed}");
    }
}

#[test]
fn metrics_are_off_unless_a_socket_is_given() {
    assert_eq!(parse(&[("SECRET_KEY", KEY)]).unwrap().metrics_socket, None);
    let on = parse(&[("SECRET_KEY", KEY), ("METRICS_SOCKET", "127.0.0.1:9100")]).unwrap();
    assert_eq!(on.metrics_socket, Some("127.0.0.1:9100".parse().unwrap()));
    assert_eq!(err(&[("SECRET_KEY", KEY), ("METRICS_SOCKET", "nowhere")]).variable, "METRICS_SOCKET");
}

#[test]
fn breached_password_checks_default_to_the_public_api_on_https_only() {
    let https = [("SECRET_KEY", KEY), ("SERVICE_DOMAIN", "https://accounts.example")];
    assert_eq!(parse(&https).unwrap().pwned_passwords_url.as_deref(), Some("https://api.pwnedpasswords.com"));
    assert_eq!(parse(&[("SECRET_KEY", KEY)]).unwrap().pwned_passwords_url, None, "off on plain http");
    let off = [https[0], https[1], ("PWNED_PASSWORDS_URL", "")];
    assert_eq!(parse(&off).unwrap().pwned_passwords_url, None, "empty turns it off");
    let mirror = [("SECRET_KEY", KEY), ("PWNED_PASSWORDS_URL", "http://127.0.0.1:9000/hibp/")];
    assert_eq!(parse(&mirror).unwrap().pwned_passwords_url.as_deref(), Some("http://127.0.0.1:9000/hibp"));
    let bad = [("SECRET_KEY", KEY), ("PWNED_PASSWORDS_URL", "api.pwnedpasswords.com")];
    assert_eq!(err(&bad).variable, "PWNED_PASSWORDS_URL");
}
