//! The window's frame around the map: the menu bar, the toolbar and the status bar. Each
//! returns the actions the user chose; the shell runs them.

mod menu;
mod status;
mod toolbar;

pub use menu::{MenuInfo, menu_bar_ui};
pub use status::{StatusClicks, StatusInfo, status_ui};
pub use toolbar::toolbar_ui;
