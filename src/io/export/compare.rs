//! Pictures of a comparison of two states of a map (design.md §12, "the comparison view and
//! the trajectory chart export as SVG / PDF / PNG"): the map composed of both states with
//! every change marked ([`super::svg::comparison_svg`]), or the trajectory chart of a
//! framework ([`super::quadrant::trajectory_svg`]). An [`super::ExportRequest`] asks for one
//! with its `compare` field; the report's Change section draws the same pictures.

use super::quadrant::{TrajectoryChart, trajectory_svg};
use super::svg::{SvgOptions, comparison_svg};
use super::{ExportError, ExportRequest, View, view_indicators};
use crate::analysis::time::{self, Composed, State};
use crate::model::Project;
use crate::task::Progress;
use crate::typology::Framework;

/// Two states of a map, resolved and composed.
pub struct Comparison {
    /// The earlier state as a map of its own.
    pub before: Project,
    /// The later state.
    pub after: Project,
    /// Both in one drawing, with what happened to each item.
    pub composed: Composed,
    /// The earlier state's label ("Baseline, 2012-06").
    pub from: String,
    /// The later state's label ("now").
    pub to: String,
}

impl Comparison {
    /// `from` and `to` of `project`; [`ExportError::UnknownState`] for a snapshot the map
    /// does not keep or a date that is not one.
    pub fn new(project: &Project, from: &State, to: &State) -> Result<Self, ExportError> {
        let resolve = |s: &State| {
            s.resolve(project)
                .ok_or_else(|| ExportError::UnknownState(s.name()))
        };
        let (before, after) = (resolve(from)?, resolve(to)?);
        let composed = time::compose(project, &before, &after, false);
        Ok(Self {
            before,
            after,
            composed,
            from: from.label(project),
            to: to.label(project),
        })
    }

    /// The title a picture of the comparison has unless another is given (see
    /// [`default_title`]).
    pub fn title(&self, project: &Project, view: View) -> String {
        default_title(project, (&self.from, &self.to), view)
    }

    /// The trajectory chart of `framework`.
    pub fn trajectories(&self, project: &Project, framework: Framework) -> TrajectoryChart {
        TrajectoryChart::new(
            project,
            (&self.before, &self.after),
            &self.composed,
            framework,
            (&self.from, &self.to),
        )
    }

    /// `opts` with the comparison's title where none is given.
    pub fn titled(&self, project: &Project, view: View, opts: &SvgOptions) -> SvgOptions {
        let mut opts = opts.clone();
        if opts.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
            opts.title = Some(self.title(project, view));
        }
        opts
    }
}

/// The title of a picture comparing the states labelled `from` and `to` of `project`
/// unless another is given: "<map title>: <from> → <to>", and for a trajectory chart the
/// framework's title after a dash.
pub fn default_title(project: &Project, (from, to): (&str, &str), view: View) -> String {
    let states = format!("{from} → {to}");
    let map = project.meta.title.trim();
    let base = if map.is_empty() {
        states
    } else {
        format!("{map}: {states}")
    };
    match view {
        View::Map => base,
        View::Quadrant(f) => format!("{base} — {}", f.title()),
    }
}

/// The picture of the comparison `(from, to)` of `project` that `request` asks for, as SVG;
/// the indicators its view encoding needs are computed on the composed drawing, cancellable
/// through `progress`.
pub(crate) fn comparison_picture(
    project: &Project,
    (from, to): (&State, &State),
    request: &ExportRequest,
    progress: &Progress,
) -> Result<String, ExportError> {
    let c = Comparison::new(project, from, to)?;
    let opts = c.titled(project, request.view, &request.svg);
    Ok(match request.view {
        View::Map => {
            let ind = view_indicators(&c.composed.project, opts.encoding, progress)?;
            comparison_svg(&c.composed, (&c.from, &c.to), &opts, ind.as_ref())
        }
        View::Quadrant(framework) => {
            trajectory_svg(&c.trajectories(project, framework), project, &opts)
        }
    })
}
