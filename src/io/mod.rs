//! Reading and writing files: RON projects now; exports and imports come later.

pub mod locate;
mod ron_file;
mod sample;

pub use sample::{SAMPLE_RON, sample};

pub use ron_file::{
    FORMAT, LoadError, MAX_FILE_BYTES, SaveError, VERSION, backup_path, load_bytes, load_path,
    load_str, save_path, to_ron_string, write_atomic,
};
