//! The ledger's verdicts, and the basis a verdict rests on.

use serde::{Deserialize, Serialize};
use std::fmt;

/// What a criterion's outcome was decided on: the source's own setting, a scaled-down
/// replication, or a model whose assumptions the claim names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The source's own setting (the arithmetic itself, or the published scale).
    Full,
    /// A scaled-down replication: a positive result supports the claim only qualitatively.
    Small,
    /// Numbers derived from stated assumptions rather than measured: a positive result says
    /// only that the conclusion follows from them.
    Model,
}

/// The ledger's verdicts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Reproduced,
    Contradicted,
    /// Reproduced qualitatively, at a smaller scale than the source's.
    Qualitative,
    /// A scaled-down replication did not show it: no verdict on the source's own scale.
    NotReproduced,
    /// The conclusion follows from a model's stated assumptions; nothing was measured.
    ModelConsequence,
    NotCheckable,
}

impl Verdict {
    /// The verdict a criterion earns on `basis` when it is met or not.
    pub fn of(holds: bool, basis: Basis) -> Verdict {
        match (holds, basis) {
            (true, Basis::Full) => Verdict::Reproduced,
            (true, Basis::Small) => Verdict::Qualitative,
            (true, Basis::Model) => Verdict::ModelConsequence,
            (false, Basis::Full | Basis::Model) => Verdict::Contradicted,
            (false, Basis::Small) => Verdict::NotReproduced,
        }
    }

    /// A name for CSS classes and URLs.
    pub fn slug(self) -> &'static str {
        match self {
            Verdict::Reproduced => "reproduced",
            Verdict::Contradicted => "contradicted",
            Verdict::Qualitative => "qualitative",
            Verdict::NotReproduced => "not-reproduced",
            Verdict::ModelConsequence => "model-consequence",
            Verdict::NotCheckable => "not-checkable",
        }
    }

    /// Every verdict, in the order the scoreboard counts them.
    pub const ALL: [Verdict; 6] = [
        Verdict::Reproduced,
        Verdict::Qualitative,
        Verdict::ModelConsequence,
        Verdict::NotReproduced,
        Verdict::Contradicted,
        Verdict::NotCheckable,
    ];
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Verdict::Reproduced => "reproduced",
            Verdict::Contradicted => "contradicted",
            Verdict::Qualitative => "qualitative (small scale)",
            Verdict::NotReproduced => "not reproduced at this scale",
            Verdict::ModelConsequence => "follows from the model",
            Verdict::NotCheckable => "not checkable",
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_basis_gives_its_own_verdicts() {
        assert_eq!(Verdict::of(true, Basis::Full), Verdict::Reproduced);
        assert_eq!(Verdict::of(false, Basis::Full), Verdict::Contradicted);
        assert_eq!(Verdict::of(true, Basis::Small), Verdict::Qualitative);
        assert_eq!(Verdict::of(false, Basis::Small), Verdict::NotReproduced);
        assert_eq!(Verdict::of(true, Basis::Model), Verdict::ModelConsequence);
        assert_eq!(Verdict::of(false, Basis::Model), Verdict::Contradicted);
    }

    #[test]
    fn slugs_and_names_are_distinct() {
        let slugs: std::collections::BTreeSet<_> = Verdict::ALL.iter().map(|v| v.slug()).collect();
        let names: std::collections::BTreeSet<_> =
            Verdict::ALL.iter().map(|v| v.to_string()).collect();
        assert_eq!(slugs.len(), Verdict::ALL.len());
        assert_eq!(names.len(), Verdict::ALL.len());
        assert_eq!(Verdict::ModelConsequence.slug(), "model-consequence");
        assert_eq!(
            serde_json::to_string(&Verdict::ModelConsequence).unwrap(),
            "\"model_consequence\""
        );
    }
}
