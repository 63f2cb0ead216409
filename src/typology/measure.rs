//! Measures of one partnership (design.md §4 and §5). Each returns `None` when the values it
//! needs are missing: missing values stay missing, never a made-up default.

use crate::model::{Accountability, Partnership};

/// Trust t on the 0–1 scale: the mean of the known directions, (mean − 1) / 4.
pub fn trust(p: &Partnership) -> Option<f64> {
    let known: Vec<f64> = [p.trust_ab, p.trust_ba]
        .into_iter()
        .flatten()
        .map(f64::from)
        .collect();
    if known.is_empty() {
        None
    } else {
        Some((known.iter().sum::<f64>() / known.len() as f64 - 1.0) / 4.0)
    }
}

/// Trust gap |trust_ab − trust_ba| / 4, when both directions are known.
pub fn trust_gap(p: &Partnership) -> Option<f64> {
    match (p.trust_ab, p.trust_ba) {
        (Some(ab), Some(ba)) => Some((f64::from(ab) - f64::from(ba)).abs() / 4.0),
        _ => None,
    }
}

/// Power asymmetry |power| / 2, in 0–1.
pub fn power_asymmetry(p: &Partnership) -> Option<f64> {
    p.power.map(|v| f64::from(v).abs() / 2.0)
}

/// Contribution equity 1 − |ca − cb| / (ca + cb); missing if either is unset or both are 0.
pub fn contribution_equity(p: &Partnership) -> Option<f64> {
    let (a, b) = (f64::from(p.contribution_a?), f64::from(p.contribution_b?));
    (a + b > 0.0).then(|| 1.0 - (a - b).abs() / (a + b))
}

/// Decision equality 1 − |power| / 2.
pub fn decision_equality(p: &Partnership) -> Option<f64> {
    power_asymmetry(p).map(|x| 1.0 - x)
}

/// Joint decision-making from the practices: 1 if mutual decisions, else 0.75 if joint goals,
/// else 0.25 if aligned activities, else 0. Always available.
pub fn joint_decision_making(p: &Partnership) -> f64 {
    let pr = &p.practices;
    if pr.mutual_decisions {
        1.0
    } else if pr.joint_goals {
        0.75
    } else if pr.aligned_activities {
        0.25
    } else {
        0.0
    }
}

/// Mutual accountability: 1 if Mutual, 0 if set otherwise, missing if unset.
pub fn mutual_accountability(p: &Partnership) -> Option<f64> {
    p.accountability.map(|a| {
        if a == Accountability::Mutual {
            1.0
        } else {
            0.0
        }
    })
}

/// Mutuality M (Brinkerhoff 2002): the mean of the available items among decision
/// equality, joint decision-making, mutual accountability and contribution equity.
///
/// Joint decision-making is read from the practices and so is always available; M is
/// missing only if that ever changes.
pub fn mutuality(p: &Partnership) -> Option<f64> {
    let items: Vec<f64> = [
        decision_equality(p),
        Some(joint_decision_making(p)),
        mutual_accountability(p),
        contribution_equity(p),
    ]
    .into_iter()
    .flatten()
    .collect();
    (!items.is_empty()).then(|| items.iter().sum::<f64>() / items.len() as f64)
}

/// Organisational identity I = (min(identity_a, identity_b) − 1) / 4; missing if either is.
pub fn identity(p: &Partnership) -> Option<f64> {
    let low = p.identity_a?.min(p.identity_b?);
    Some((f64::from(low) - 1.0) / 4.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActorId, PartnershipId};

    fn p() -> Partnership {
        Partnership::new(PartnershipId(1), ActorId(1), ActorId(2))
    }

    #[test]
    fn trust_uses_the_known_directions() {
        let mut e = p();
        assert_eq!(trust(&e), None);
        e.trust_ab = Some(5);
        assert_eq!(trust(&e), Some(1.0));
        e.trust_ba = Some(2);
        // mean 3.5 → (3.5 − 1) / 4 = 0.625
        assert_eq!(trust(&e), Some(0.625));
        assert_eq!(trust_gap(&e), Some(0.75));
    }

    #[test]
    fn contribution_equity_by_hand() {
        let mut e = p();
        assert_eq!(contribution_equity(&e), None);
        e.contribution_a = Some(3);
        assert_eq!(contribution_equity(&e), None, "one side unset");
        e.contribution_b = Some(1);
        // 1 − 2/4
        assert_eq!(contribution_equity(&e), Some(0.5));
        e.contribution_a = Some(0);
        e.contribution_b = Some(0);
        assert_eq!(contribution_equity(&e), None, "both zero is skipped");
    }

    #[test]
    fn mutuality_averages_the_available_items() {
        let mut e = p();
        // Only joint decision-making (no practices): 0.
        assert_eq!(mutuality(&e), Some(0.0));
        e.practices.joint_goals = true; // 0.75
        e.power = Some(-1); // decision equality 0.5
        e.accountability = Some(Accountability::Mutual); // 1
        e.contribution_a = Some(2);
        e.contribution_b = Some(2); // equity 1
        assert_eq!(mutuality(&e), Some((0.75 + 0.5 + 1.0 + 1.0) / 4.0));
        e.accountability = Some(Accountability::Upward); // 0
        assert_eq!(mutuality(&e), Some((0.75 + 0.5 + 0.0 + 1.0) / 4.0));
    }

    #[test]
    fn identity_takes_the_weaker_side() {
        let mut e = p();
        e.identity_a = Some(5);
        assert_eq!(identity(&e), None);
        e.identity_b = Some(2);
        assert_eq!(identity(&e), Some(0.25));
    }
}
