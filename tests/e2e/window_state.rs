//! The window keeps its size and place: resized and moved over WebDriver, the app ended as
//! the system ends it (SIGTERM) and started again on the same data, it opens as it was.
//! And it draws without OpenGL (src-tauri/src/rendering.rs).
use std::time::{Duration, Instant};

use helpdesk_e2e::{AppFolders, Harness, StepResult, TIMEOUT};

/// The size and place given to the window (the screen is 1280×800; the window's least size
/// 1024×640).
const WIDTH: u64 = 1100;
const HEIGHT: u64 = 700;
const X: u64 = 40;
const Y: u64 = 30;

/// Waits until the window's size is `width`×`height`; answers its rectangle.
async fn window_is(app: &Harness, width: u64, height: u64) -> StepResult<(u64, u64, u64, u64)> {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let rect = app
            .client
            .get_window_rect()
            .await
            .map_err(|error| format!("the window's rectangle: {error}"))?;
        if (rect.2, rect.3) == (width, height) {
            return Ok(rect);
        }
        if Instant::now() > deadline {
            return Err(format!(
                "the window should be {width}×{height}, is {rect:?}"
            ));
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_window_s_size_and_place_survive_a_restart() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, store) = helpdesk_e2e::demo::desk_with_tickets(&dir).await;
    store.close().await;
    let state_file = AppFolders::of(&database)
        .config
        .join(helpdesk_e2e::APP_IDENTIFIER)
        .join(".window-state.json");

    let app = Harness::start("window_state_before", &database).await;
    app.run(async |app: &mut Harness| {
        app.element("input#login").await?;
        let first = window_is(app, 1280, 800).await?;
        eprintln!("e2e: the window opens at {first:?}");
        app.client
            .set_window_rect(X as u32, Y as u32, WIDTH as u32, HEIGHT as u32)
            .await
            .map_err(|error| format!("resize the window: {error}"))?;
        let resized = window_is(app, WIDTH, HEIGHT).await?;
        eprintln!("e2e: resized to {resized:?}");
        app.screenshot("resized").await;
        app.close_app().await
    })
    .await;
    let saved = std::fs::read_to_string(&state_file)
        .unwrap_or_else(|error| panic!("{}: {error}", state_file.display()));
    assert!(saved.contains(&format!("\"width\": {WIDTH}")), "{saved}");

    let app = Harness::start("window_state_after", &database).await;
    app.run(async |app: &mut Harness| {
        app.element("input#login").await?;
        let (x, y, _, _) = window_is(app, WIDTH, HEIGHT).await?;
        if (x, y) != (X, Y) {
            return Err(format!("the window should be at {X},{Y}, is at {x},{y}"));
        }
        app.screenshot("restored").await;
        Ok(())
    })
    .await;
}

/// The OpenGL libraries loaded when the window draws with OpenGL: by GTK in the app (GLX),
/// and by WebKit's web process (GLES; the app loads it in any case).
const OPENGL_LIBRARIES: [(&str, &str); 2] =
    [("", "libGLX_mesa.so"), ("WebKitWebProcess", "libGLESv2.so")];

#[tokio::test(flavor = "multi_thread")]
async fn the_window_draws_without_opengl() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (database, store) = helpdesk_e2e::demo::desk_with_tickets(&dir).await;
    store.close().await;
    let app = Harness::start("window_rendering", &database).await;
    app.run(async |app: &mut Harness| {
        app.element("input#login").await?;
        let processes = app.loaded_libraries();
        if !processes.iter().any(|(name, _)| name == "WebKitWebProcess") {
            return Err(format!("no web process among {processes:?}"));
        }
        for (name, libraries) in processes {
            let opengl: Vec<&String> = libraries
                .iter()
                .filter(|library| {
                    OPENGL_LIBRARIES.iter().any(|(process, gl)| {
                        (process.is_empty() || *process == name) && library.starts_with(gl)
                    })
                })
                .collect();
            if !opengl.is_empty() {
                return Err(format!("{name} loaded {opengl:?}"));
            }
        }
        Ok(())
    })
    .await;
}
