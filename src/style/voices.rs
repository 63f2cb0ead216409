//! Each perspective's point for an item in a quadrant chart (design.md §13), egui-free: the
//! chart joins the item's point (the map's values) to where each group would put it, with
//! the group's values where it gave them and the map's elsewhere.

use super::Rgb;
use crate::model::{Cut, Project};
use crate::style::quadrant::Subject;
use crate::typology::{self, Framework, Placement};

/// The colours of the groups, in their order (Okabe–Ito, without the black and the greys the
/// chart already uses).
pub const VOICE_COLOURS: [Rgb; 6] = [
    Rgb(0xE6, 0x9F, 0x00),
    Rgb(0x00, 0x72, 0xB2),
    Rgb(0x00, 0x9E, 0x73),
    Rgb(0xCC, 0x79, 0xA7),
    Rgb(0xD5, 0x5E, 0x00),
    Rgb(0x56, 0xB4, 0xE9),
];

/// The colour of the group at `index`.
pub fn voice_colour(index: usize) -> Rgb {
    VOICE_COLOURS[index % VOICE_COLOURS.len()]
}

/// One group's point for an item.
#[derive(Clone, Debug, PartialEq)]
pub struct VoicePoint {
    /// The group's name.
    pub name: String,
    /// Where it puts the item in the unit square; `None` when it cannot be placed.
    pub at: Option<[f64; 2]>,
    /// Whether the group gave any value for the item (else its point is the map's).
    pub rated: bool,
    /// The group's colour.
    pub colour: Rgb,
}

fn placed(p: Placement) -> Option<[f64; 2]> {
    match p {
        Placement::Placed(p) => Some([p.x, p.y]),
        Placement::Unplaced(_) => None,
    }
}

/// Each group's point for `subject` in `framework` cut at `cut`, in the groups' order; empty
/// when the map has no perspectives, the item does not exist, or the framework does not
/// place its kind.
pub fn voice_points(
    project: &Project,
    framework: Framework,
    cut: Cut,
    subject: Subject,
) -> Vec<VoicePoint> {
    let mut out = Vec::with_capacity(project.perspectives.len());
    for (i, view) in project.perspectives.iter().enumerate() {
        let (at, rated) = match subject {
            Subject::Partnership(id) if !framework.places_actors() => {
                let Some(p) = project.partnership(id) else {
                    return Vec::new();
                };
                let rating = view.partnership(id);
                let mut seen = p.clone();
                if let Some(r) = rating {
                    r.lay_over(&mut seen);
                }
                (
                    placed(typology::place_partnership(framework, &seen, cut)),
                    rating.is_some(),
                )
            }
            Subject::Actor(id) if framework.places_actors() => {
                let Some(a) = project.actor(id) else {
                    return Vec::new();
                };
                let rating = view.actor(id);
                let mut seen = a.clone();
                if let Some(r) = rating {
                    r.lay_over(&mut seen);
                }
                (placed(typology::place_actor(&seen, cut)), rating.is_some())
            }
            _ => return Vec::new(),
        };
        out.push(VoicePoint {
            name: view.name.clone(),
            at,
            rated,
            colour: voice_colour(i),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        ActorId, Form, Formality, Partnership, PartnershipId, PartnershipScore, Perspective,
    };

    #[test]
    fn each_group_puts_the_partnership_where_its_values_say() {
        let mut p = Project::new();
        for id in [1, 2] {
            p.insert_actor(crate::model::Actor::named(ActorId(id), format!("A{id}")));
        }
        let mut e = Partnership::new(PartnershipId(1), ActorId(1), ActorId(2));
        e.form = Some(Form::Interaction);
        e.formality = Some(Formality::Personal);
        p.insert_partnership(e);
        let mut deep = Perspective::named("Government");
        deep.set_partnership_value(PartnershipId(1), PartnershipScore::Form, Some(3));
        deep.set_partnership_value(PartnershipId(1), PartnershipScore::Formality, Some(5));
        p.perspectives = vec![deep, Perspective::named("Citizens")];
        let cut = Cut::default();
        let points = voice_points(
            &p,
            Framework::A,
            cut,
            Subject::Partnership(PartnershipId(1)),
        );
        let map = placed(typology::place_partnership(
            Framework::A,
            &p.partnerships[&PartnershipId(1)],
            cut,
        ));
        assert_eq!(points.len(), 2);
        assert!(points[0].rated && !points[1].rated);
        // Government sees it deep and formal: top right; Citizens gave nothing: the map's.
        let g = points[0].at.unwrap();
        assert!(g[0] > 0.9 && g[1] > 0.9, "{g:?}");
        assert_eq!(points[1].at, map);
        assert_eq!(points[1].colour, VOICE_COLOURS[1]);
        // Framework D places actors, not partnerships.
        assert!(
            voice_points(
                &p,
                Framework::D,
                cut,
                Subject::Partnership(PartnershipId(1))
            )
            .is_empty()
        );
    }
}
