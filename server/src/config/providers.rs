//! Sign-in providers as data: Google (`GOOGLE_*`), GitHub (`GITHUB_*`), Microsoft
//! (`MICROSOFT_*`), Apple (`APPLE_*`) and any number of
//! OpenID Connect providers (`OIDC_PROVIDERS=okta,keycloak` with `OIDC_<ID>_*`), in that order,
//! which is the order of the buttons.

use secrecy::SecretString;

use super::{ConfigError, parse};

/// A provider's id: lower-case letters, digits and `-`, at most 32. It names the routes
/// (`/auth/<id>`), the flow cookie and the sign-in method stored on sessions.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ProviderId(String);

impl ProviderId {
    pub fn parse(s: &str) -> Option<Self> {
        let ok = !s.is_empty()
            && s.len() <= 32
            && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-');
        ok.then(|| Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for ProviderId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// How the provider proves who signed in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProviderKind {
    /// OpenID Connect found by discovery at the issuer: a signed ID token (PKCE, state, nonce).
    Oidc { issuer_url: String },
    /// GitHub's OAuth2 (PKCE, state; no ID token): the person is read from its REST API.
    /// `web_url` serves the authorize and token endpoints; `api_url` the API (GitHub
    /// Enterprise and tests set both).
    GitHub { web_url: String, api_url: String },
    /// Microsoft's identity platform (OpenID Connect at `<base_url>/<tenant>/v2.0`). With a
    /// multi-tenant `tenant` (`common`, `organizations`, `consumers`) the discovery document
    /// names no single issuer: each ID token's issuer is checked against its own `tid`.
    Microsoft { base_url: String, tenant: String },
    /// Sign in with Apple: OpenID Connect at `issuer_url`, the answer posted back
    /// (`response_mode=form_post`), and a client secret that is an ES256 JWT signed with the
    /// team's key, made afresh as it nears expiry.
    Apple { issuer_url: String, team_id: String, key_id: String, private_key: ApplePrivateKey },
}

/// Apple's `.p8` key (PEM): secret, so never printed, and compared only to tell configurations
/// apart.
#[derive(Debug, Clone)]
pub struct ApplePrivateKey(pub SecretString);

impl PartialEq for ApplePrivateKey {
    fn eq(&self, other: &Self) -> bool {
        use secrecy::ExposeSecret;
        self.0.expose_secret() == other.0.expose_secret()
    }
}

impl Eq for ApplePrivateKey {}

/// Where the provider's word on an address is enough to sign in to an existing account with it
/// (otherwise the owner signs in and connects the provider from the security page).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Authority {
    /// Google: `@gmail.com`, `@googlemail.com`, and a Workspace address whose ID token's `hd`
    /// is the address's domain.
    Google,
    /// Only addresses in these domains (a company's own identity provider).
    Domains(Vec<String>),
    /// Microsoft: only when the ID token says the address's domain owner verified it
    /// (`xms_edov`), never on the plain `email` claim, which a tenant admin can set to anything.
    Microsoft,
    /// Never: a verified email at the provider proves a mailbox once, not ownership now.
    Never,
}

#[derive(Debug, Clone)]
pub struct ProviderConfig {
    pub id: ProviderId,
    /// "Continue with <label>".
    pub label: String,
    pub kind: ProviderKind,
    pub client_id: String,
    pub client_secret: SecretString,
    pub authority: Authority,
}

type Get<'a> = &'a dyn Fn(&str) -> Option<String>;

/// Ids a generic provider cannot take: the built-in providers', the stored sign-in methods'
/// (`sessions.sign_in_method`), and the query parameters of the pages that show a provider's
/// outcome as `?<id>=cancelled`.
const RESERVED_IDS: [&str; 12] = [
    "google",
    "github",
    "microsoft",
    "apple",
    "password",
    "passkey",
    "next",
    "reset",
    "done",
    "code",
    "state",
    "error",
];

/// Every configured provider, in button order.
pub fn providers(get: Get<'_>) -> Result<Vec<ProviderConfig>, ConfigError> {
    let mut all = Vec::new();
    if let Some(google) = google(get)? {
        all.push(google);
    }
    if let Some(github) = github(get)? {
        all.push(github);
    }
    if let Some(microsoft) = microsoft(get)? {
        all.push(microsoft);
    }
    if let Some(apple) = apple(get)? {
        all.push(apple);
    }
    for id in get("OIDC_PROVIDERS").unwrap_or_default().split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let provider = generic(get, id)?;
        if all.iter().any(|p: &ProviderConfig| p.id == provider.id) {
            return Err(ConfigError::new("OIDC_PROVIDERS", format!("{id:?} twice"), "each id once"));
        }
        all.push(provider);
    }
    Ok(all)
}

fn pair(
    get: Get<'_>,
    id: &'static str,
    secret: &'static str,
) -> Result<Option<(String, SecretString)>, ConfigError> {
    match (get(id), get(secret)) {
        (Some(id), Some(secret)) => Ok(Some((id, secret.into()))),
        (None, None) => Ok(None),
        (Some(_), None) => Err(half(secret, id)),
        (None, Some(_)) => Err(half(id, secret)),
    }
}

fn half(missing: &'static str, present: &'static str) -> ConfigError {
    ConfigError::new(
        missing,
        format!("unset while {present} is set"),
        format!("{missing} and {present} set together, or neither"),
    )
}

/// An issuer or base URL: https, or plain http on a loopback host (local fakes).
fn provider_url(
    name: impl Into<std::borrow::Cow<'static, str>>,
    value: Option<String>,
    default: &str,
) -> Result<String, ConfigError> {
    let name = name.into();
    let url = parse::absolute_url(name.clone(), value, default)?;
    if url.starts_with("http://") && !super::groups::is_loopback(parse::host_of(&url)) {
        return Err(ConfigError::new(
            name,
            format!("{url:?}"),
            "an https URL (plain http only for a loopback host)",
        ));
    }
    Ok(url)
}

fn google(get: Get<'_>) -> Result<Option<ProviderConfig>, ConfigError> {
    let Some((client_id, client_secret)) = pair(get, "GOOGLE_CLIENT_ID", "GOOGLE_CLIENT_SECRET")? else {
        return Ok(None);
    };
    let issuer_url =
        provider_url("GOOGLE_ISSUER_URL", get("GOOGLE_ISSUER_URL"), "https://accounts.google.com")?;
    Ok(Some(ProviderConfig {
        id: ProviderId("google".into()),
        label: "Google".into(),
        kind: ProviderKind::Oidc { issuer_url },
        client_id,
        client_secret,
        authority: Authority::Google,
    }))
}

fn github(get: Get<'_>) -> Result<Option<ProviderConfig>, ConfigError> {
    let Some((client_id, client_secret)) = pair(get, "GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET")? else {
        return Ok(None);
    };
    let web_url = provider_url("GITHUB_URL", get("GITHUB_URL"), "https://github.com")?;
    let api_url = provider_url("GITHUB_API_URL", get("GITHUB_API_URL"), "https://api.github.com")?;
    Ok(Some(ProviderConfig {
        id: ProviderId("github".into()),
        label: "GitHub".into(),
        kind: ProviderKind::GitHub { web_url, api_url },
        client_id,
        client_secret,
        authority: Authority::Never,
    }))
}

fn microsoft(get: Get<'_>) -> Result<Option<ProviderConfig>, ConfigError> {
    let Some((client_id, client_secret)) = pair(get, "MICROSOFT_CLIENT_ID", "MICROSOFT_CLIENT_SECRET")?
    else {
        return Ok(None);
    };
    let base_url = provider_url("MICROSOFT_URL", get("MICROSOFT_URL"), "https://login.microsoftonline.com")?;
    let tenant = get("MICROSOFT_TENANT").unwrap_or_else(|| "common".to_owned());
    if tenant.is_empty()
        || tenant.len() > 64
        || !tenant.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
    {
        return Err(ConfigError::new(
            "MICROSOFT_TENANT",
            format!("{tenant:?}"),
            "common, organizations, consumers, a tenant id or a tenant domain",
        ));
    }
    Ok(Some(ProviderConfig {
        id: ProviderId("microsoft".into()),
        label: "Microsoft".into(),
        kind: ProviderKind::Microsoft { base_url, tenant },
        client_id,
        client_secret,
        authority: Authority::Microsoft,
    }))
}

/// The DER of a P-256 private key in PKCS#8 PEM (Apple's `.p8` file), if it is one ring can
/// sign with.
pub fn p256_key_der(pem: &str) -> Option<Vec<u8>> {
    use base64::{Engine, engine::general_purpose::STANDARD};
    let body: String =
        pem.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with("-----")).collect();
    let der = STANDARD.decode(body).ok()?;
    let rng = ring::rand::SystemRandom::new();
    ring::signature::EcdsaKeyPair::from_pkcs8(&ring::signature::ECDSA_P256_SHA256_FIXED_SIGNING, &der, &rng)
        .ok()?;
    Some(der)
}

/// Apple's addresses that hide the person's own (always Apple's to vouch for).
const APPLE_RELAY_DOMAIN: &str = "privaterelay.appleid.com";

fn apple(get: Get<'_>) -> Result<Option<ProviderConfig>, ConfigError> {
    const GROUP: [&str; 4] = ["APPLE_CLIENT_ID", "APPLE_TEAM_ID", "APPLE_KEY_ID", "APPLE_PRIVATE_KEY"];
    let set: Vec<Option<String>> = GROUP.iter().map(|n| get(n)).collect();
    if set.iter().all(Option::is_none) {
        return Ok(None);
    }
    if let Some(missing) = GROUP.iter().zip(&set).find(|(_, v)| v.is_none()).map(|(n, _)| *n) {
        return Err(ConfigError::new(
            missing,
            "unset while other APPLE_ variables are set",
            "all four APPLE_ variables, or none",
        ));
    }
    let [client_id, team_id, key_id, private_key] = <[Option<String>; 4]>::try_from(set)
        .map_err(|_| ConfigError::new("APPLE_CLIENT_ID", "unreadable", "all four APPLE_ variables"))?
        .map(Option::unwrap_or_default);
    // A PEM in one line of a .env file carries its line breaks as `\n`.
    let private_key = private_key.replace("\\n", "\n");
    if p256_key_der(&private_key).is_none() {
        return Err(ConfigError::new(
            "APPLE_PRIVATE_KEY",
            "not a key we can read (the value is not shown)",
            "the .p8 key Apple issued: a P-256 private key, PKCS#8 PEM",
        ));
    }
    let issuer_url = provider_url("APPLE_URL", get("APPLE_URL"), "https://appleid.apple.com")?;
    Ok(Some(ProviderConfig {
        id: ProviderId("apple".into()),
        label: "Apple".into(),
        kind: ProviderKind::Apple {
            issuer_url,
            team_id,
            key_id,
            private_key: ApplePrivateKey(private_key.into()),
        },
        client_id,
        client_secret: SecretString::from(String::new()),
        authority: Authority::Domains(vec![APPLE_RELAY_DOMAIN.into()]),
    }))
}

/// `OIDC_<ID>_ISSUER`, `_CLIENT_ID`, `_CLIENT_SECRET` (all required), `_LABEL` (default: the
/// id) and `_AUTHORITATIVE_DOMAINS` (comma-separated; default none).
fn generic(get: Get<'_>, id: &str) -> Result<ProviderConfig, ConfigError> {
    let Some(provider_id) = ProviderId::parse(id).filter(|p| !RESERVED_IDS.contains(&p.as_str())) else {
        return Err(ConfigError::new(
            "OIDC_PROVIDERS",
            format!("{id:?}"),
            format!(
                "comma-separated ids of lower-case letters, digits and -, none of {}",
                RESERVED_IDS.join(", ")
            ),
        ));
    };
    let prefix = format!("OIDC_{}_", id.to_ascii_uppercase().replace('-', "_"));
    let required = |name: String| {
        get(&name)
            .ok_or_else(|| ConfigError::new(name, "unset", format!("set, since OIDC_PROVIDERS names {id}")))
    };
    let issuer_url = provider_url(format!("{prefix}ISSUER"), Some(required(format!("{prefix}ISSUER"))?), "")?;
    let client_id = required(format!("{prefix}CLIENT_ID"))?;
    let client_secret = SecretString::from(required(format!("{prefix}CLIENT_SECRET"))?);
    let label = get(&format!("{prefix}LABEL")).unwrap_or_else(|| id.to_owned());
    if label.chars().count() > 40 || label.chars().any(char::is_control) {
        return Err(ConfigError::new(
            format!("{prefix}LABEL"),
            format!("{label:?}"),
            "a name of at most 40 characters",
        ));
    }
    let domains: Vec<String> = get(&format!("{prefix}AUTHORITATIVE_DOMAINS"))
        .unwrap_or_default()
        .split(',')
        .map(|d| d.trim().to_ascii_lowercase())
        .filter(|d| !d.is_empty())
        .collect();
    if let Some(bad) = domains.iter().find(|d| !d.contains('.') || d.contains(['@', '/', ' ', ':'])) {
        return Err(ConfigError::new(
            format!("{prefix}AUTHORITATIVE_DOMAINS"),
            format!("{bad:?}"),
            "comma-separated email domains such as example.com",
        ));
    }
    let authority = if domains.is_empty() { Authority::Never } else { Authority::Domains(domains) };
    Ok(ProviderConfig {
        id: provider_id,
        label,
        kind: ProviderKind::Oidc { issuer_url },
        client_id,
        client_secret,
        authority,
    })
}
