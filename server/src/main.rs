//! `helpdesk-server`: the central sync server. Settings come from the environment (see
//! `helpdesk_server::config` and `server/README.md`).
use std::process::ExitCode;

#[tokio::main]
async fn main() -> ExitCode {
    helpdesk_server::logging::init();
    let config = match helpdesk_server::Config::from_env() {
        Ok(config) => config,
        Err(error) => {
            tracing::error!(error = %error, "invalid configuration");
            return ExitCode::FAILURE;
        }
    };
    match helpdesk_server::serve(config).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            tracing::error!(error = %error, "server stopped");
            ExitCode::FAILURE
        }
    }
}
