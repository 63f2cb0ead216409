//! Drawing the window: menus, canvas, inspector, lists, legend, dialogs. The UI reads the
//! document and returns intents; only the app shell changes the document.

pub mod actions;
pub mod bidi;
pub mod canvas;
pub mod fonts;
pub mod help;
pub mod indicators;
pub mod inspector;
pub mod intent;
pub mod legend;
pub mod lists;
pub mod modals;
pub mod perspectives;
pub mod presenting;
pub mod quadrant;
pub mod quick_entry;
pub mod shell;
pub mod time;
pub mod view;
