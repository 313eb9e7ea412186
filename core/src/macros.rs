//! Internal macros shared by the domain modules.
//!
//! [`bilingual_enum!`](crate::bilingual_enum) declares a closed vocabulary (a role, a modality, a
//! state…) once, with everything every enum of the crate must carry: a stable snake_case wire
//! name (serde and `FromStr`), an English [`Display`](std::fmt::Display), a French label
//! ([`label_fr`](crate::Vocabulary::label_fr)) and the list of all values.

/// Declares a vocabulary enum: wire name, English label, French label for each variant.
///
/// Generates `serde` (de)serialisation by wire name, `JsonSchema`, `Display` (English),
/// `FromStr` (wire name, with [`crate::vocabulary::UnknownValue`] as error) and an
/// implementation of [`crate::Vocabulary`].
#[macro_export]
#[doc(hidden)]
macro_rules! bilingual_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $(
                $(#[$vmeta:meta])*
                $variant:ident => $wire:literal, $en:literal, $fr:literal
            ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            ::serde::Serialize, ::serde::Deserialize, ::schemars::JsonSchema,
        )]
        $vis enum $name {
            $(
                $(#[$vmeta])*
                #[doc = concat!("\n\nWire name `", $wire, "`; French: *", $fr, "*.")]
                #[serde(rename = $wire)]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
        }

        impl $crate::Vocabulary for $name {
            const TYPE_NAME: &'static str = stringify!($name);
            fn all() -> &'static [Self] { Self::ALL }
            fn wire_name(&self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }
            fn label_en(&self) -> &'static str {
                match self { $($name::$variant => $en),+ }
            }
            fn label_fr(&self) -> &'static str {
                match self { $($name::$variant => $fr),+ }
            }
        }

        impl ::std::fmt::Display for $name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str($crate::Vocabulary::label_en(self))
            }
        }

        impl ::std::str::FromStr for $name {
            type Err = $crate::vocabulary::UnknownValue;
            fn from_str(s: &str) -> ::std::result::Result<Self, Self::Err> {
                <$name as $crate::Vocabulary>::from_wire(s)
            }
        }
    };
}
