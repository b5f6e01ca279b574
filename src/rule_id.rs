//! The stable rule ids (domain-spec §B) as a type: a typo is a compile error, not a rule
//! that silently never runs. Serialised as today's strings ("R1"), so the JSON and CLI
//! contracts do not change. Ids are never renumbered; gaps are rules not implemented here.

use serde::{Deserialize, Serialize};

macro_rules! rule_ids {
    ($($id:ident),* $(,)?) => {
        /// A rule of the catalogue, by its stable id.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
        pub enum RuleId {
            $($id,)*
        }

        impl RuleId {
            /// Every id, in catalogue order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$id,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$id => stringify!($id),)*
                }
            }
        }
    };
}

rule_ids!(
    R1, R2, R3, R4, R5, R6, R7, R8, R10, R11, R12, R13, R14, R15, R16, R17, R18, R19, R20, R21,
    R22, R23, R24, R25, R26, R27, R28, R29, R30,
    // Prose and sections (src/prose/): R9, the prose ↔ table relations P1–P14 of
    // domain-spec §D, and the section checks S1–S4 (ids new here: the spec names none).
    R9, P1, P2, P3, P4, P5, P6, P7, P8, P9, P10, P11, P12, P13, P14, S1, S2, S3, S4,
);

impl RuleId {
    /// The id for its string form ("R1"), for input that names a rule.
    pub fn parse(s: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|r| r.as_str() == s)
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl AsRef<str> for RuleId {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq<str> for RuleId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for RuleId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

#[cfg(test)]
mod tests {
    use super::RuleId;

    #[test]
    fn serialises_as_the_old_strings() {
        for r in RuleId::ALL {
            let json = serde_json::to_string(r).unwrap();
            assert_eq!(json, format!("\"{}\"", r.as_str()));
            assert_eq!(RuleId::parse(r.as_str()), Some(*r));
        }
        assert_eq!(RuleId::parse("R31"), None);
    }
}
