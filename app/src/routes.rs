use leptos::prelude::*;
use leptos_meta::{Stylesheet, Title, provide_meta_context};
use leptos_router::{
    ParamSegment, SsrMode, StaticSegment,
    components::{Route, Router, Routes},
};

use crate::{
    components::{
        layout::{Footer, Header},
        session_context::SessionContext,
        verify_banner::VerifyBanner,
    },
    pages::{
        account::AccountPage,
        account_deletion::AccountDeletionPage,
        admin::{AdminAuditPage, AdminPage, AdminPersonPage, AdminUsersPage},
        confirm::ConfirmPage,
        forgot_password::ForgotPasswordPage,
        home::HomePage,
        login::LoginPage,
        login_code::{LoginCodePage, SignUpCodePage},
        login_code_link::CodeLinkPage,
        login_verify::LoginVerifyPage,
        not_found::NotFound,
        not_me::NotMePage,
        provider_callback::ProviderCallbackPage,
        public_profile::PublicProfilePage,
        reset_password::ResetPasswordPage,
        security::SecurityPage,
        signup::SignUpPage,
        two_step::TwoStepPage,
        verify_email::VerifyEmailPage,
    },
    site::SiteInfo,
};

/// The application: layout around the routed page.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let site = SiteInfo::current();
    provide_context(site.clone());
    SessionContext::provide();

    // Every route renders fully before the response starts (`SsrMode::Async`): the header's
    // signed-in state and redirects must be right without JavaScript, and status codes must be
    // known before the first byte.
    view! {
        <Stylesheet id="leptos" href="/pkg/accounts.css"/>
        <Title formatter=move |page: String| format!("{page} · {}", site.service_name)/>
        <Router>
            <Header/>
            <VerifyBanner/>
            <main class="main">
                <Routes fallback=NotFound>
                    <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("signup") view=SignUpPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("login") view=LoginPage ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("login"), StaticSegment("code"))
                        view=LoginCodePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("login"), StaticSegment("code"), StaticSegment("confirm"))
                        view=CodeLinkPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("signup"), StaticSegment("code"))
                        view=SignUpCodePage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("login"), StaticSegment("verify"))
                        view=LoginVerifyPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("auth"), ParamSegment("provider"), StaticSegment("callback"))
                        view=ProviderCallbackPage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("verify-email") view=VerifyEmailPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("forgot-password") view=ForgotPasswordPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("reset-password") view=ResetPasswordPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("not-me") view=NotMePage ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("u"), ParamSegment("username"))
                        view=PublicProfilePage
                        ssr=SsrMode::Async
                    />
                    <Route path=StaticSegment("account") view=AccountPage ssr=SsrMode::Async/>
                    <Route path=StaticSegment("admin") view=AdminPage ssr=SsrMode::Async/>
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("users"))
                        view=AdminUsersPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("users"), ParamSegment("id"))
                        view=AdminPersonPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("admin"), StaticSegment("audit"))
                        view=AdminAuditPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("account"), StaticSegment("deletion"))
                        view=AccountDeletionPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("account"), StaticSegment("confirm"))
                        view=ConfirmPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("account"), StaticSegment("two-step"))
                        view=TwoStepPage
                        ssr=SsrMode::Async
                    />
                    <Route
                        path=(StaticSegment("account"), StaticSegment("security"))
                        view=SecurityPage
                        ssr=SsrMode::Async
                    />
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}
