//! Drawing the window: menus, canvas, legend, dialogs. The UI reads the document and returns
//! actions; only the app shell changes the document.

pub mod actions;
pub mod camera;
pub mod canvas;
pub mod fonts;
pub mod legend;
