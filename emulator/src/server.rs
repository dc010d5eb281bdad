//! Listening, serving connections, and dropping one on request.

use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use axum::extract::Request;
use axum::Router;
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper_util::rt::TokioIo;
use hyper_util::service::TowerToHyperService;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{watch, Notify};
use tokio::task::JoinSet;
use tower::ServiceExt as _;

use crate::app;
use crate::config::Config;
use crate::state::AppState;

// Long enough for a large download in progress to finish, short enough that
// a stuck client cannot hold a shutdown for long.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(5);

/// Closes the connection a request arrived on, without an answer.
#[derive(Clone)]
pub(crate) struct ConnectionKiller(Arc<Notify>);

impl ConnectionKiller {
    pub(crate) fn kill(&self) {
        self.0.notify_one();
    }
}

/// A bound, not yet serving, emulator.
pub struct Emulator {
    listener: TcpListener,
    router: Router,
    local_addr: SocketAddr,
}

impl Emulator {
    /// Generates the data set and binds the listening socket.
    pub async fn bind(config: Config) -> io::Result<Self> {
        let listener = TcpListener::bind((config.host.as_str(), config.port)).await?;
        let local_addr = listener.local_addr()?;
        let state = AppState::new(config, local_addr);
        let router = app::router(state).map_err(|origin| {
            io::Error::new(
                io::ErrorKind::InvalidInput,
                format!("invalid cors origin {origin:?}"),
            )
        })?;
        Ok(Self {
            listener,
            router,
            local_addr,
        })
    }

    /// The address actually bound, with the port chosen when 0 was asked for.
    pub fn local_addr(&self) -> SocketAddr {
        self.local_addr
    }

    /// Serves until `shutdown` completes, then lets open requests finish for a few seconds.
    pub async fn serve(self, shutdown: impl Future<Output = ()>) {
        let (stop, stopped) = watch::channel(false);
        let mut connections = JoinSet::new();
        tokio::pin!(shutdown);

        loop {
            tokio::select! {
                () = &mut shutdown => break,
                accepted = self.listener.accept() => match accepted {
                    Ok((stream, _)) => {
                        connections.spawn(serve_connection(stream, self.router.clone(), stopped.clone()));
                    }
                    Err(error) => {
                        // Usually out of file descriptors: pause rather than spin.
                        eprintln!("accept failed: {error}");
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                },
                Some(_) = connections.join_next(), if !connections.is_empty() => {}
            }
        }

        drop(self.listener);
        let _ = stop.send(true);
        let drained = tokio::time::timeout(SHUTDOWN_GRACE, async {
            while connections.join_next().await.is_some() {}
        });
        if drained.await.is_err() {
            connections.abort_all();
        }
    }
}

async fn serve_connection(stream: TcpStream, router: Router, mut stopped: watch::Receiver<bool>) {
    let _ = stream.set_nodelay(true);
    let notify = Arc::new(Notify::new());
    let killer = ConnectionKiller(notify.clone());
    let service = router.map_request(move |mut request: Request<Incoming>| {
        request.extensions_mut().insert(killer.clone());
        request
    });
    let connection = http1::Builder::new()
        .serve_connection(TokioIo::new(stream), TowerToHyperService::new(service));
    tokio::pin!(connection);

    let mut closing = false;
    loop {
        tokio::select! {
            // Errors here are clients going away or faults cutting bodies short.
            _ = connection.as_mut() => break,
            () = notify.notified() => break,
            changed = stopped.changed(), if !closing => {
                closing = true;
                if changed.is_ok() {
                    connection.as_mut().graceful_shutdown();
                }
            }
        }
    }
}
