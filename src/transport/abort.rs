//! One guard per attempt owns the `AbortController` behind the fetch: it
//! fires on the per-attempt timeout or when the caller's signal aborts, and
//! dropping the guard cancels whatever is still running.

use crate::{Error, ErrorKind};
use gloo_timers::callback::Timeout;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal};

pub(crate) struct AbortGuard {
    controller: AbortController,
    timed_out: Rc<Cell<bool>>,
    caller: Option<AbortSignal>,
    // Held only to be dropped with the guard: dropping cancels the timer, and
    // the listener is removed in `Drop`.
    _timer: Timeout,
    listener: Option<Closure<dyn FnMut()>>,
}

impl AbortGuard {
    /// Starts the clock. Fails with `aborted` when the caller's signal has
    /// already fired, so nothing is sent.
    pub fn new(timeout_ms: u32, caller: Option<&AbortSignal>) -> Result<AbortGuard, Error> {
        if caller.is_some_and(AbortSignal::aborted) {
            return Err(aborted());
        }
        let controller = AbortController::new().map_err(|_| {
            Error::new(
                ErrorKind::Network,
                "this runtime has no AbortController; it cannot cancel requests",
            )
        })?;
        let timed_out = Rc::new(Cell::new(false));
        let timer = {
            let (controller, timed_out) = (controller.clone(), timed_out.clone());
            // setTimeout fires at once for delays past 2^31-1 ms; ~24.8 days
            // is "no practical limit" anyway.
            Timeout::new(timeout_ms.min(i32::MAX as u32), move || {
                timed_out.set(true);
                controller.abort();
            })
        };
        let listener = caller.map(|signal| {
            let controller = controller.clone();
            let listener = Closure::<dyn FnMut()>::new(move || controller.abort());
            // Failing to listen only means the caller cannot cancel early; the
            // timeout still bounds the attempt.
            let _ =
                signal.add_event_listener_with_callback("abort", listener.as_ref().unchecked_ref());
            listener
        });
        Ok(AbortGuard {
            controller,
            timed_out,
            caller: caller.cloned(),
            _timer: timer,
            listener,
        })
    }

    /// The signal to hand to fetch.
    pub fn signal(&self) -> AbortSignal {
        self.controller.signal()
    }

    /// Why the attempt was cancelled, if it was: the caller's signal wins
    /// over the timeout, since the caller asked for it.
    pub fn cancellation(&self, timeout_ms: u32) -> Option<Error> {
        if self.caller.as_ref().is_some_and(AbortSignal::aborted) {
            Some(aborted())
        } else if self.timed_out.get() {
            Some(Error::new(
                ErrorKind::Timeout,
                format!("timed out after {timeout_ms} ms; raise timeoutMs if the API is slow"),
            ))
        } else {
            None
        }
    }

    /// Resolves once the guard fires, whichever the cause.
    pub async fn fired(&self) {
        let signal = self.signal();
        if signal.aborted() {
            return;
        }
        let promise = js_sys::Promise::new(&mut |resolve, _reject| {
            let _ = signal.add_event_listener_with_callback("abort", &resolve);
        });
        let _ = JsFuture::from(promise).await;
    }
}

impl Drop for AbortGuard {
    fn drop(&mut self) {
        if let (Some(signal), Some(listener)) = (&self.caller, &self.listener) {
            let _ = signal
                .remove_event_listener_with_callback("abort", listener.as_ref().unchecked_ref());
        }
        // Cancels a body still being read after the caller lost interest.
        self.controller.abort();
    }
}

pub(crate) fn aborted() -> Error {
    Error::new(ErrorKind::Aborted, "aborted by the caller's AbortSignal")
}

/// Waits `ms`, or fails with `aborted` as soon as the caller's signal fires.
pub(crate) async fn sleep(ms: u64, caller: Option<&AbortSignal>) -> Result<(), Error> {
    let ms = u32::try_from(ms).unwrap_or(u32::MAX);
    let guard = AbortGuard::new(ms, caller)?;
    guard.fired().await;
    match guard.cancellation(ms) {
        Some(e) if e.kind() == ErrorKind::Aborted => Err(e),
        _ => Ok(()),
    }
}
