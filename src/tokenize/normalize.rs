//! Normalization for comparison, and the units that later stages compare.
//!
//! Nothing here changes the text: tokens and units keep the byte ranges of what the person pasted,
//! and [`fold`] gives the form two units are compared by.

use std::ops::Range;

use super::{Token, TokenKind};

/// Canonical compositions of a letter and one combining mark (Latin, Greek, Cyrillic), sorted,
/// so text typed or pasted in decomposed form ("e" + U+0301) compares equal to the composed form
/// ("é") without a full normalization table. Generated from the Unicode Character Database's
/// canonical decompositions (base letter + mark in U+0300–U+036F).
const COMPOSE: &[(u16, u16, u16)] = &[
    (0x0041, 0x0300, 0x00C0),
    (0x0041, 0x0301, 0x00C1),
    (0x0041, 0x0302, 0x00C2),
    (0x0041, 0x0303, 0x00C3),
    (0x0041, 0x0304, 0x0100),
    (0x0041, 0x0306, 0x0102),
    (0x0041, 0x0307, 0x0226),
    (0x0041, 0x0308, 0x00C4),
    (0x0041, 0x0309, 0x1EA2),
    (0x0041, 0x030A, 0x00C5),
    (0x0041, 0x030C, 0x01CD),
    (0x0041, 0x030F, 0x0200),
    (0x0041, 0x0311, 0x0202),
    (0x0041, 0x0323, 0x1EA0),
    (0x0041, 0x0325, 0x1E00),
    (0x0041, 0x0328, 0x0104),
    (0x0042, 0x0307, 0x1E02),
    (0x0042, 0x0323, 0x1E04),
    (0x0042, 0x0331, 0x1E06),
    (0x0043, 0x0301, 0x0106),
    (0x0043, 0x0302, 0x0108),
    (0x0043, 0x0307, 0x010A),
    (0x0043, 0x030C, 0x010C),
    (0x0043, 0x0327, 0x00C7),
    (0x0044, 0x0307, 0x1E0A),
    (0x0044, 0x030C, 0x010E),
    (0x0044, 0x0323, 0x1E0C),
    (0x0044, 0x0327, 0x1E10),
    (0x0044, 0x032D, 0x1E12),
    (0x0044, 0x0331, 0x1E0E),
    (0x0045, 0x0300, 0x00C8),
    (0x0045, 0x0301, 0x00C9),
    (0x0045, 0x0302, 0x00CA),
    (0x0045, 0x0303, 0x1EBC),
    (0x0045, 0x0304, 0x0112),
    (0x0045, 0x0306, 0x0114),
    (0x0045, 0x0307, 0x0116),
    (0x0045, 0x0308, 0x00CB),
    (0x0045, 0x0309, 0x1EBA),
    (0x0045, 0x030C, 0x011A),
    (0x0045, 0x030F, 0x0204),
    (0x0045, 0x0311, 0x0206),
    (0x0045, 0x0323, 0x1EB8),
    (0x0045, 0x0327, 0x0228),
    (0x0045, 0x0328, 0x0118),
    (0x0045, 0x032D, 0x1E18),
    (0x0045, 0x0330, 0x1E1A),
    (0x0046, 0x0307, 0x1E1E),
    (0x0047, 0x0301, 0x01F4),
    (0x0047, 0x0302, 0x011C),
    (0x0047, 0x0304, 0x1E20),
    (0x0047, 0x0306, 0x011E),
    (0x0047, 0x0307, 0x0120),
    (0x0047, 0x030C, 0x01E6),
    (0x0047, 0x0327, 0x0122),
    (0x0048, 0x0302, 0x0124),
    (0x0048, 0x0307, 0x1E22),
    (0x0048, 0x0308, 0x1E26),
    (0x0048, 0x030C, 0x021E),
    (0x0048, 0x0323, 0x1E24),
    (0x0048, 0x0327, 0x1E28),
    (0x0048, 0x032E, 0x1E2A),
    (0x0049, 0x0300, 0x00CC),
    (0x0049, 0x0301, 0x00CD),
    (0x0049, 0x0302, 0x00CE),
    (0x0049, 0x0303, 0x0128),
    (0x0049, 0x0304, 0x012A),
    (0x0049, 0x0306, 0x012C),
    (0x0049, 0x0307, 0x0130),
    (0x0049, 0x0308, 0x00CF),
    (0x0049, 0x0309, 0x1EC8),
    (0x0049, 0x030C, 0x01CF),
    (0x0049, 0x030F, 0x0208),
    (0x0049, 0x0311, 0x020A),
    (0x0049, 0x0323, 0x1ECA),
    (0x0049, 0x0328, 0x012E),
    (0x0049, 0x0330, 0x1E2C),
    (0x004A, 0x0302, 0x0134),
    (0x004B, 0x0301, 0x1E30),
    (0x004B, 0x030C, 0x01E8),
    (0x004B, 0x0323, 0x1E32),
    (0x004B, 0x0327, 0x0136),
    (0x004B, 0x0331, 0x1E34),
    (0x004C, 0x0301, 0x0139),
    (0x004C, 0x030C, 0x013D),
    (0x004C, 0x0323, 0x1E36),
    (0x004C, 0x0327, 0x013B),
    (0x004C, 0x032D, 0x1E3C),
    (0x004C, 0x0331, 0x1E3A),
    (0x004D, 0x0301, 0x1E3E),
    (0x004D, 0x0307, 0x1E40),
    (0x004D, 0x0323, 0x1E42),
    (0x004E, 0x0300, 0x01F8),
    (0x004E, 0x0301, 0x0143),
    (0x004E, 0x0303, 0x00D1),
    (0x004E, 0x0307, 0x1E44),
    (0x004E, 0x030C, 0x0147),
    (0x004E, 0x0323, 0x1E46),
    (0x004E, 0x0327, 0x0145),
    (0x004E, 0x032D, 0x1E4A),
    (0x004E, 0x0331, 0x1E48),
    (0x004F, 0x0300, 0x00D2),
    (0x004F, 0x0301, 0x00D3),
    (0x004F, 0x0302, 0x00D4),
    (0x004F, 0x0303, 0x00D5),
    (0x004F, 0x0304, 0x014C),
    (0x004F, 0x0306, 0x014E),
    (0x004F, 0x0307, 0x022E),
    (0x004F, 0x0308, 0x00D6),
    (0x004F, 0x0309, 0x1ECE),
    (0x004F, 0x030B, 0x0150),
    (0x004F, 0x030C, 0x01D1),
    (0x004F, 0x030F, 0x020C),
    (0x004F, 0x0311, 0x020E),
    (0x004F, 0x031B, 0x01A0),
    (0x004F, 0x0323, 0x1ECC),
    (0x004F, 0x0328, 0x01EA),
    (0x0050, 0x0301, 0x1E54),
    (0x0050, 0x0307, 0x1E56),
    (0x0052, 0x0301, 0x0154),
    (0x0052, 0x0307, 0x1E58),
    (0x0052, 0x030C, 0x0158),
    (0x0052, 0x030F, 0x0210),
    (0x0052, 0x0311, 0x0212),
    (0x0052, 0x0323, 0x1E5A),
    (0x0052, 0x0327, 0x0156),
    (0x0052, 0x0331, 0x1E5E),
    (0x0053, 0x0301, 0x015A),
    (0x0053, 0x0302, 0x015C),
    (0x0053, 0x0307, 0x1E60),
    (0x0053, 0x030C, 0x0160),
    (0x0053, 0x0323, 0x1E62),
    (0x0053, 0x0326, 0x0218),
    (0x0053, 0x0327, 0x015E),
    (0x0054, 0x0307, 0x1E6A),
    (0x0054, 0x030C, 0x0164),
    (0x0054, 0x0323, 0x1E6C),
    (0x0054, 0x0326, 0x021A),
    (0x0054, 0x0327, 0x0162),
    (0x0054, 0x032D, 0x1E70),
    (0x0054, 0x0331, 0x1E6E),
    (0x0055, 0x0300, 0x00D9),
    (0x0055, 0x0301, 0x00DA),
    (0x0055, 0x0302, 0x00DB),
    (0x0055, 0x0303, 0x0168),
    (0x0055, 0x0304, 0x016A),
    (0x0055, 0x0306, 0x016C),
    (0x0055, 0x0308, 0x00DC),
    (0x0055, 0x0309, 0x1EE6),
    (0x0055, 0x030A, 0x016E),
    (0x0055, 0x030B, 0x0170),
    (0x0055, 0x030C, 0x01D3),
    (0x0055, 0x030F, 0x0214),
    (0x0055, 0x0311, 0x0216),
    (0x0055, 0x031B, 0x01AF),
    (0x0055, 0x0323, 0x1EE4),
    (0x0055, 0x0324, 0x1E72),
    (0x0055, 0x0328, 0x0172),
    (0x0055, 0x032D, 0x1E76),
    (0x0055, 0x0330, 0x1E74),
    (0x0056, 0x0303, 0x1E7C),
    (0x0056, 0x0323, 0x1E7E),
    (0x0057, 0x0300, 0x1E80),
    (0x0057, 0x0301, 0x1E82),
    (0x0057, 0x0302, 0x0174),
    (0x0057, 0x0307, 0x1E86),
    (0x0057, 0x0308, 0x1E84),
    (0x0057, 0x0323, 0x1E88),
    (0x0058, 0x0307, 0x1E8A),
    (0x0058, 0x0308, 0x1E8C),
    (0x0059, 0x0300, 0x1EF2),
    (0x0059, 0x0301, 0x00DD),
    (0x0059, 0x0302, 0x0176),
    (0x0059, 0x0303, 0x1EF8),
    (0x0059, 0x0304, 0x0232),
    (0x0059, 0x0307, 0x1E8E),
    (0x0059, 0x0308, 0x0178),
    (0x0059, 0x0309, 0x1EF6),
    (0x0059, 0x0323, 0x1EF4),
    (0x005A, 0x0301, 0x0179),
    (0x005A, 0x0302, 0x1E90),
    (0x005A, 0x0307, 0x017B),
    (0x005A, 0x030C, 0x017D),
    (0x005A, 0x0323, 0x1E92),
    (0x005A, 0x0331, 0x1E94),
    (0x0061, 0x0300, 0x00E0),
    (0x0061, 0x0301, 0x00E1),
    (0x0061, 0x0302, 0x00E2),
    (0x0061, 0x0303, 0x00E3),
    (0x0061, 0x0304, 0x0101),
    (0x0061, 0x0306, 0x0103),
    (0x0061, 0x0307, 0x0227),
    (0x0061, 0x0308, 0x00E4),
    (0x0061, 0x0309, 0x1EA3),
    (0x0061, 0x030A, 0x00E5),
    (0x0061, 0x030C, 0x01CE),
    (0x0061, 0x030F, 0x0201),
    (0x0061, 0x0311, 0x0203),
    (0x0061, 0x0323, 0x1EA1),
    (0x0061, 0x0325, 0x1E01),
    (0x0061, 0x0328, 0x0105),
    (0x0062, 0x0307, 0x1E03),
    (0x0062, 0x0323, 0x1E05),
    (0x0062, 0x0331, 0x1E07),
    (0x0063, 0x0301, 0x0107),
    (0x0063, 0x0302, 0x0109),
    (0x0063, 0x0307, 0x010B),
    (0x0063, 0x030C, 0x010D),
    (0x0063, 0x0327, 0x00E7),
    (0x0064, 0x0307, 0x1E0B),
    (0x0064, 0x030C, 0x010F),
    (0x0064, 0x0323, 0x1E0D),
    (0x0064, 0x0327, 0x1E11),
    (0x0064, 0x032D, 0x1E13),
    (0x0064, 0x0331, 0x1E0F),
    (0x0065, 0x0300, 0x00E8),
    (0x0065, 0x0301, 0x00E9),
    (0x0065, 0x0302, 0x00EA),
    (0x0065, 0x0303, 0x1EBD),
    (0x0065, 0x0304, 0x0113),
    (0x0065, 0x0306, 0x0115),
    (0x0065, 0x0307, 0x0117),
    (0x0065, 0x0308, 0x00EB),
    (0x0065, 0x0309, 0x1EBB),
    (0x0065, 0x030C, 0x011B),
    (0x0065, 0x030F, 0x0205),
    (0x0065, 0x0311, 0x0207),
    (0x0065, 0x0323, 0x1EB9),
    (0x0065, 0x0327, 0x0229),
    (0x0065, 0x0328, 0x0119),
    (0x0065, 0x032D, 0x1E19),
    (0x0065, 0x0330, 0x1E1B),
    (0x0066, 0x0307, 0x1E1F),
    (0x0067, 0x0301, 0x01F5),
    (0x0067, 0x0302, 0x011D),
    (0x0067, 0x0304, 0x1E21),
    (0x0067, 0x0306, 0x011F),
    (0x0067, 0x0307, 0x0121),
    (0x0067, 0x030C, 0x01E7),
    (0x0067, 0x0327, 0x0123),
    (0x0068, 0x0302, 0x0125),
    (0x0068, 0x0307, 0x1E23),
    (0x0068, 0x0308, 0x1E27),
    (0x0068, 0x030C, 0x021F),
    (0x0068, 0x0323, 0x1E25),
    (0x0068, 0x0327, 0x1E29),
    (0x0068, 0x032E, 0x1E2B),
    (0x0068, 0x0331, 0x1E96),
    (0x0069, 0x0300, 0x00EC),
    (0x0069, 0x0301, 0x00ED),
    (0x0069, 0x0302, 0x00EE),
    (0x0069, 0x0303, 0x0129),
    (0x0069, 0x0304, 0x012B),
    (0x0069, 0x0306, 0x012D),
    (0x0069, 0x0308, 0x00EF),
    (0x0069, 0x0309, 0x1EC9),
    (0x0069, 0x030C, 0x01D0),
    (0x0069, 0x030F, 0x0209),
    (0x0069, 0x0311, 0x020B),
    (0x0069, 0x0323, 0x1ECB),
    (0x0069, 0x0328, 0x012F),
    (0x0069, 0x0330, 0x1E2D),
    (0x006A, 0x0302, 0x0135),
    (0x006A, 0x030C, 0x01F0),
    (0x006B, 0x0301, 0x1E31),
    (0x006B, 0x030C, 0x01E9),
    (0x006B, 0x0323, 0x1E33),
    (0x006B, 0x0327, 0x0137),
    (0x006B, 0x0331, 0x1E35),
    (0x006C, 0x0301, 0x013A),
    (0x006C, 0x030C, 0x013E),
    (0x006C, 0x0323, 0x1E37),
    (0x006C, 0x0327, 0x013C),
    (0x006C, 0x032D, 0x1E3D),
    (0x006C, 0x0331, 0x1E3B),
    (0x006D, 0x0301, 0x1E3F),
    (0x006D, 0x0307, 0x1E41),
    (0x006D, 0x0323, 0x1E43),
    (0x006E, 0x0300, 0x01F9),
    (0x006E, 0x0301, 0x0144),
    (0x006E, 0x0303, 0x00F1),
    (0x006E, 0x0307, 0x1E45),
    (0x006E, 0x030C, 0x0148),
    (0x006E, 0x0323, 0x1E47),
    (0x006E, 0x0327, 0x0146),
    (0x006E, 0x032D, 0x1E4B),
    (0x006E, 0x0331, 0x1E49),
    (0x006F, 0x0300, 0x00F2),
    (0x006F, 0x0301, 0x00F3),
    (0x006F, 0x0302, 0x00F4),
    (0x006F, 0x0303, 0x00F5),
    (0x006F, 0x0304, 0x014D),
    (0x006F, 0x0306, 0x014F),
    (0x006F, 0x0307, 0x022F),
    (0x006F, 0x0308, 0x00F6),
    (0x006F, 0x0309, 0x1ECF),
    (0x006F, 0x030B, 0x0151),
    (0x006F, 0x030C, 0x01D2),
    (0x006F, 0x030F, 0x020D),
    (0x006F, 0x0311, 0x020F),
    (0x006F, 0x031B, 0x01A1),
    (0x006F, 0x0323, 0x1ECD),
    (0x006F, 0x0328, 0x01EB),
    (0x0070, 0x0301, 0x1E55),
    (0x0070, 0x0307, 0x1E57),
    (0x0072, 0x0301, 0x0155),
    (0x0072, 0x0307, 0x1E59),
    (0x0072, 0x030C, 0x0159),
    (0x0072, 0x030F, 0x0211),
    (0x0072, 0x0311, 0x0213),
    (0x0072, 0x0323, 0x1E5B),
    (0x0072, 0x0327, 0x0157),
    (0x0072, 0x0331, 0x1E5F),
    (0x0073, 0x0301, 0x015B),
    (0x0073, 0x0302, 0x015D),
    (0x0073, 0x0307, 0x1E61),
    (0x0073, 0x030C, 0x0161),
    (0x0073, 0x0323, 0x1E63),
    (0x0073, 0x0326, 0x0219),
    (0x0073, 0x0327, 0x015F),
    (0x0074, 0x0307, 0x1E6B),
    (0x0074, 0x0308, 0x1E97),
    (0x0074, 0x030C, 0x0165),
    (0x0074, 0x0323, 0x1E6D),
    (0x0074, 0x0326, 0x021B),
    (0x0074, 0x0327, 0x0163),
    (0x0074, 0x032D, 0x1E71),
    (0x0074, 0x0331, 0x1E6F),
    (0x0075, 0x0300, 0x00F9),
    (0x0075, 0x0301, 0x00FA),
    (0x0075, 0x0302, 0x00FB),
    (0x0075, 0x0303, 0x0169),
    (0x0075, 0x0304, 0x016B),
    (0x0075, 0x0306, 0x016D),
    (0x0075, 0x0308, 0x00FC),
    (0x0075, 0x0309, 0x1EE7),
    (0x0075, 0x030A, 0x016F),
    (0x0075, 0x030B, 0x0171),
    (0x0075, 0x030C, 0x01D4),
    (0x0075, 0x030F, 0x0215),
    (0x0075, 0x0311, 0x0217),
    (0x0075, 0x031B, 0x01B0),
    (0x0075, 0x0323, 0x1EE5),
    (0x0075, 0x0324, 0x1E73),
    (0x0075, 0x0328, 0x0173),
    (0x0075, 0x032D, 0x1E77),
    (0x0075, 0x0330, 0x1E75),
    (0x0076, 0x0303, 0x1E7D),
    (0x0076, 0x0323, 0x1E7F),
    (0x0077, 0x0300, 0x1E81),
    (0x0077, 0x0301, 0x1E83),
    (0x0077, 0x0302, 0x0175),
    (0x0077, 0x0307, 0x1E87),
    (0x0077, 0x0308, 0x1E85),
    (0x0077, 0x030A, 0x1E98),
    (0x0077, 0x0323, 0x1E89),
    (0x0078, 0x0307, 0x1E8B),
    (0x0078, 0x0308, 0x1E8D),
    (0x0079, 0x0300, 0x1EF3),
    (0x0079, 0x0301, 0x00FD),
    (0x0079, 0x0302, 0x0177),
    (0x0079, 0x0303, 0x1EF9),
    (0x0079, 0x0304, 0x0233),
    (0x0079, 0x0307, 0x1E8F),
    (0x0079, 0x0308, 0x00FF),
    (0x0079, 0x0309, 0x1EF7),
    (0x0079, 0x030A, 0x1E99),
    (0x0079, 0x0323, 0x1EF5),
    (0x007A, 0x0301, 0x017A),
    (0x007A, 0x0302, 0x1E91),
    (0x007A, 0x0307, 0x017C),
    (0x007A, 0x030C, 0x017E),
    (0x007A, 0x0323, 0x1E93),
    (0x007A, 0x0331, 0x1E95),
    (0x00A8, 0x0301, 0x0385),
    (0x00C2, 0x0300, 0x1EA6),
    (0x00C2, 0x0301, 0x1EA4),
    (0x00C2, 0x0303, 0x1EAA),
    (0x00C2, 0x0309, 0x1EA8),
    (0x00C4, 0x0304, 0x01DE),
    (0x00C5, 0x0301, 0x01FA),
    (0x00C6, 0x0301, 0x01FC),
    (0x00C6, 0x0304, 0x01E2),
    (0x00C7, 0x0301, 0x1E08),
    (0x00CA, 0x0300, 0x1EC0),
    (0x00CA, 0x0301, 0x1EBE),
    (0x00CA, 0x0303, 0x1EC4),
    (0x00CA, 0x0309, 0x1EC2),
    (0x00CF, 0x0301, 0x1E2E),
    (0x00D4, 0x0300, 0x1ED2),
    (0x00D4, 0x0301, 0x1ED0),
    (0x00D4, 0x0303, 0x1ED6),
    (0x00D4, 0x0309, 0x1ED4),
    (0x00D5, 0x0301, 0x1E4C),
    (0x00D5, 0x0304, 0x022C),
    (0x00D5, 0x0308, 0x1E4E),
    (0x00D6, 0x0304, 0x022A),
    (0x00D8, 0x0301, 0x01FE),
    (0x00DC, 0x0300, 0x01DB),
    (0x00DC, 0x0301, 0x01D7),
    (0x00DC, 0x0304, 0x01D5),
    (0x00DC, 0x030C, 0x01D9),
    (0x00E2, 0x0300, 0x1EA7),
    (0x00E2, 0x0301, 0x1EA5),
    (0x00E2, 0x0303, 0x1EAB),
    (0x00E2, 0x0309, 0x1EA9),
    (0x00E4, 0x0304, 0x01DF),
    (0x00E5, 0x0301, 0x01FB),
    (0x00E6, 0x0301, 0x01FD),
    (0x00E6, 0x0304, 0x01E3),
    (0x00E7, 0x0301, 0x1E09),
    (0x00EA, 0x0300, 0x1EC1),
    (0x00EA, 0x0301, 0x1EBF),
    (0x00EA, 0x0303, 0x1EC5),
    (0x00EA, 0x0309, 0x1EC3),
    (0x00EF, 0x0301, 0x1E2F),
    (0x00F4, 0x0300, 0x1ED3),
    (0x00F4, 0x0301, 0x1ED1),
    (0x00F4, 0x0303, 0x1ED7),
    (0x00F4, 0x0309, 0x1ED5),
    (0x00F5, 0x0301, 0x1E4D),
    (0x00F5, 0x0304, 0x022D),
    (0x00F5, 0x0308, 0x1E4F),
    (0x00F6, 0x0304, 0x022B),
    (0x00F8, 0x0301, 0x01FF),
    (0x00FC, 0x0300, 0x01DC),
    (0x00FC, 0x0301, 0x01D8),
    (0x00FC, 0x0304, 0x01D6),
    (0x00FC, 0x030C, 0x01DA),
    (0x0102, 0x0300, 0x1EB0),
    (0x0102, 0x0301, 0x1EAE),
    (0x0102, 0x0303, 0x1EB4),
    (0x0102, 0x0309, 0x1EB2),
    (0x0103, 0x0300, 0x1EB1),
    (0x0103, 0x0301, 0x1EAF),
    (0x0103, 0x0303, 0x1EB5),
    (0x0103, 0x0309, 0x1EB3),
    (0x0112, 0x0300, 0x1E14),
    (0x0112, 0x0301, 0x1E16),
    (0x0113, 0x0300, 0x1E15),
    (0x0113, 0x0301, 0x1E17),
    (0x014C, 0x0300, 0x1E50),
    (0x014C, 0x0301, 0x1E52),
    (0x014D, 0x0300, 0x1E51),
    (0x014D, 0x0301, 0x1E53),
    (0x015A, 0x0307, 0x1E64),
    (0x015B, 0x0307, 0x1E65),
    (0x0160, 0x0307, 0x1E66),
    (0x0161, 0x0307, 0x1E67),
    (0x0168, 0x0301, 0x1E78),
    (0x0169, 0x0301, 0x1E79),
    (0x016A, 0x0308, 0x1E7A),
    (0x016B, 0x0308, 0x1E7B),
    (0x017F, 0x0307, 0x1E9B),
    (0x01A0, 0x0300, 0x1EDC),
    (0x01A0, 0x0301, 0x1EDA),
    (0x01A0, 0x0303, 0x1EE0),
    (0x01A0, 0x0309, 0x1EDE),
    (0x01A0, 0x0323, 0x1EE2),
    (0x01A1, 0x0300, 0x1EDD),
    (0x01A1, 0x0301, 0x1EDB),
    (0x01A1, 0x0303, 0x1EE1),
    (0x01A1, 0x0309, 0x1EDF),
    (0x01A1, 0x0323, 0x1EE3),
    (0x01AF, 0x0300, 0x1EEA),
    (0x01AF, 0x0301, 0x1EE8),
    (0x01AF, 0x0303, 0x1EEE),
    (0x01AF, 0x0309, 0x1EEC),
    (0x01AF, 0x0323, 0x1EF0),
    (0x01B0, 0x0300, 0x1EEB),
    (0x01B0, 0x0301, 0x1EE9),
    (0x01B0, 0x0303, 0x1EEF),
    (0x01B0, 0x0309, 0x1EED),
    (0x01B0, 0x0323, 0x1EF1),
    (0x01B7, 0x030C, 0x01EE),
    (0x01EA, 0x0304, 0x01EC),
    (0x01EB, 0x0304, 0x01ED),
    (0x0226, 0x0304, 0x01E0),
    (0x0227, 0x0304, 0x01E1),
    (0x0228, 0x0306, 0x1E1C),
    (0x0229, 0x0306, 0x1E1D),
    (0x022E, 0x0304, 0x0230),
    (0x022F, 0x0304, 0x0231),
    (0x0292, 0x030C, 0x01EF),
    (0x0391, 0x0301, 0x0386),
    (0x0395, 0x0301, 0x0388),
    (0x0397, 0x0301, 0x0389),
    (0x0399, 0x0301, 0x038A),
    (0x0399, 0x0308, 0x03AA),
    (0x039F, 0x0301, 0x038C),
    (0x03A5, 0x0301, 0x038E),
    (0x03A5, 0x0308, 0x03AB),
    (0x03A9, 0x0301, 0x038F),
    (0x03B1, 0x0301, 0x03AC),
    (0x03B5, 0x0301, 0x03AD),
    (0x03B7, 0x0301, 0x03AE),
    (0x03B9, 0x0301, 0x03AF),
    (0x03B9, 0x0308, 0x03CA),
    (0x03BF, 0x0301, 0x03CC),
    (0x03C5, 0x0301, 0x03CD),
    (0x03C5, 0x0308, 0x03CB),
    (0x03C9, 0x0301, 0x03CE),
    (0x03CA, 0x0301, 0x0390),
    (0x03CB, 0x0301, 0x03B0),
    (0x03D2, 0x0301, 0x03D3),
    (0x03D2, 0x0308, 0x03D4),
    (0x0406, 0x0308, 0x0407),
    (0x0410, 0x0306, 0x04D0),
    (0x0410, 0x0308, 0x04D2),
    (0x0413, 0x0301, 0x0403),
    (0x0415, 0x0300, 0x0400),
    (0x0415, 0x0306, 0x04D6),
    (0x0415, 0x0308, 0x0401),
    (0x0416, 0x0306, 0x04C1),
    (0x0416, 0x0308, 0x04DC),
    (0x0417, 0x0308, 0x04DE),
    (0x0418, 0x0300, 0x040D),
    (0x0418, 0x0304, 0x04E2),
    (0x0418, 0x0306, 0x0419),
    (0x0418, 0x0308, 0x04E4),
    (0x041A, 0x0301, 0x040C),
    (0x041E, 0x0308, 0x04E6),
    (0x0423, 0x0304, 0x04EE),
    (0x0423, 0x0306, 0x040E),
    (0x0423, 0x0308, 0x04F0),
    (0x0423, 0x030B, 0x04F2),
    (0x0427, 0x0308, 0x04F4),
    (0x042B, 0x0308, 0x04F8),
    (0x042D, 0x0308, 0x04EC),
    (0x0430, 0x0306, 0x04D1),
    (0x0430, 0x0308, 0x04D3),
    (0x0433, 0x0301, 0x0453),
    (0x0435, 0x0300, 0x0450),
    (0x0435, 0x0306, 0x04D7),
    (0x0435, 0x0308, 0x0451),
    (0x0436, 0x0306, 0x04C2),
    (0x0436, 0x0308, 0x04DD),
    (0x0437, 0x0308, 0x04DF),
    (0x0438, 0x0300, 0x045D),
    (0x0438, 0x0304, 0x04E3),
    (0x0438, 0x0306, 0x0439),
    (0x0438, 0x0308, 0x04E5),
    (0x043A, 0x0301, 0x045C),
    (0x043E, 0x0308, 0x04E7),
    (0x0443, 0x0304, 0x04EF),
    (0x0443, 0x0306, 0x045E),
    (0x0443, 0x0308, 0x04F1),
    (0x0443, 0x030B, 0x04F3),
    (0x0447, 0x0308, 0x04F5),
    (0x044B, 0x0308, 0x04F9),
    (0x044D, 0x0308, 0x04ED),
    (0x0456, 0x0308, 0x0457),
    (0x0474, 0x030F, 0x0476),
    (0x0475, 0x030F, 0x0477),
    (0x04D8, 0x0308, 0x04DA),
    (0x04D9, 0x0308, 0x04DB),
    (0x04E8, 0x0308, 0x04EA),
    (0x04E9, 0x0308, 0x04EB),
    (0x1E36, 0x0304, 0x1E38),
    (0x1E37, 0x0304, 0x1E39),
    (0x1E5A, 0x0304, 0x1E5C),
    (0x1E5B, 0x0304, 0x1E5D),
    (0x1E62, 0x0307, 0x1E68),
    (0x1E63, 0x0307, 0x1E69),
    (0x1EA0, 0x0302, 0x1EAC),
    (0x1EA0, 0x0306, 0x1EB6),
    (0x1EA1, 0x0302, 0x1EAD),
    (0x1EA1, 0x0306, 0x1EB7),
    (0x1EB8, 0x0302, 0x1EC6),
    (0x1EB9, 0x0302, 0x1EC7),
    (0x1ECC, 0x0302, 0x1ED8),
    (0x1ECD, 0x0302, 0x1ED9),
];

fn compose(base: char, mark: char) -> Option<char> {
    let key = (u16::try_from(u32::from(base)).ok()?, u16::try_from(u32::from(mark)).ok()?);
    let i = COMPOSE.binary_search_by(|&(b, m, _)| (b, m).cmp(&key)).ok()?;
    char::from_u32(u32::from(COMPOSE[i].2))
}

/// Characters that are invisible in print and dropped for comparison: soft hyphen, zero-width
/// space, joiners and non-joiners, word joiner, byte-order mark, and the bidirectional controls.
pub(crate) fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}'
            | '\u{FEFF}' | '\u{61C}' | '\u{180E}'
    )
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{AD}')
}

/// The form of a word used for comparison, written into `out` (which is cleared first):
///
/// * case folded (lowercase; "ß" → "ss", final "ς" → "σ");
/// * compatibility forms made plain: full-width Latin letters and digits, the ligatures "ﬁ",
///   "ﬂ", "ﬀ", "ﬃ", "ﬄ", "ﬆ";
/// * a letter followed by a combining mark composed into one character where Unicode has one;
/// * apostrophes and single quotes made `'`, double quotes `"`, dashes and hyphens `-`;
/// * invisible characters dropped (soft hyphens, zero-width characters, bidi controls);
/// * a hyphen at a line break dropped with the break ("inter-\nnational" → "international").
pub fn fold_into(word: &str, out: &mut String) {
    out.clear();
    fold_append(word, out);
}

/// [`fold_into`] without clearing `out` first: the folded word is appended to it.
///
/// ASCII without hyphens (nearly every word of English news) only needs lowercasing, done here
/// in one pass, byte by byte, inlined where it is called (boilerplate measuring folds every word
/// of a paste straight into its line's key); any other word is undone and folded in full.
#[inline(always)]
pub(crate) fn fold_append(word: &str, out: &mut String) {
    let start = out.len();
    for &b in word.as_bytes() {
        if b >= 0x80 || b == b'-' {
            out.truncate(start);
            fold_full(word, out);
            return;
        }
        out.push(char::from(b.to_ascii_lowercase()));
    }
}

/// [`fold_append`] for any word.
fn fold_full(word: &str, out: &mut String) {
    let start = out.len();
    let mut chars = word.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            _ if c.is_ascii() => {
                if c == '-' && hyphenated_break(&mut chars) {
                    continue;
                }
                out.push(c.to_ascii_lowercase());
            }
            // The letters of Latin-1 and of Russian and Ukrainian, without the case tables (what
            // `to_lowercase` gives them, as a test checks), before the rarer characters: no arm
            // below takes any of them.
            'à'..='ö' | 'ø'..='ÿ' | 'а'..='џ' => out.push(c),
            'À'..='Ö' | 'Ø'..='Þ' | 'А'..='Я' => out.push(char::from_u32(u32::from(c) + 0x20).unwrap_or(c)),
            'Ѐ'..='Џ' => out.push(char::from_u32(u32::from(c) + 0x50).unwrap_or(c)),
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' | '\u{FF07}' => out.push('\''),
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{FF02}' => out.push('"'),
            '\u{2010}' | '\u{2011}' => {
                if !hyphenated_break(&mut chars) {
                    out.push('-');
                }
            }
            '\u{2012}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => out.push('-'),
            '\u{AD}' => {
                hyphenated_break(&mut chars);
            }
            _ if is_invisible(c) => {}
            '\u{FF01}'..='\u{FF5E}' => {
                // Full-width ASCII: the same character shifted by 0xFEE0.
                if let Some(a) = char::from_u32(u32::from(c) - 0xFEE0) {
                    out.push(a.to_ascii_lowercase());
                }
            }
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            'ß' | 'ẞ' => out.push_str("ss"),
            'ς' => out.push('σ'),
            '\u{300}'..='\u{36F}' => match out[start..].chars().last().and_then(|base| compose(base, c)) {
                Some(k) => {
                    out.pop();
                    out.extend(k.to_lowercase());
                }
                None => out.push(c),
            },
            _ => out.extend(c.to_lowercase()),
        }
    }
}

/// After a hyphen: whether whitespace with a line break follows (then it is consumed).
fn hyphenated_break(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) -> bool {
    let rest = chars.clone();
    let mut saw_break = false;
    let mut n = 0;
    for c in rest {
        if !c.is_whitespace() {
            break;
        }
        saw_break |= matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}' | '\u{85}');
        n += 1;
    }
    if saw_break {
        for _ in 0..n {
            chars.next();
        }
    }
    saw_break
}

/// The folded form of a word (see [`fold_into`]).
pub fn fold(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    fold_into(word, &mut out);
    out
}

/// Scripts written without spaces between words, whose units are character bigrams.
fn is_spaceless(c: char) -> bool {
    matches!(
        c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FFFF}'
            | '\u{3041}'..='\u{30FF}' | '\u{31F0}'..='\u{31FF}' | '\u{FF66}'..='\u{FF9F}'
            | '\u{0E00}'..='\u{0E7F}' | '\u{0E80}'..='\u{0EFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}'
    )
}

fn starts_spaceless(text: &str, t: &Token) -> bool {
    // Every such script lies at U+0E00 or above, whose UTF-8 starts with a byte of 0xE0 or more.
    if text.as_bytes().get(t.span.start).is_none_or(|&b| b < 0xE0) {
        return false;
    }
    text.get(t.span.clone()).and_then(|s| s.chars().next()).is_some_and(is_spaceless)
}

/// The units of `range` of `text` that later stages compare, as byte ranges in order:
///
/// * each word and number;
/// * a word split by an invisible character ("Pu\u{200B}tin") or hyphenated across a line break
///   ("inter-\nnational") is one unit, whose [`fold`] reads as the whole word;
/// * in scripts written without spaces (Chinese, Japanese, Thai, Lao, Khmer, Myanmar), every two
///   adjacent characters (UAX #29 gives one token per ideograph, kana word or Thai cluster) form a
///   unit — overlapping bigrams, the usual dictionary-free units for comparison; a lone character
///   is a unit by itself.
///
/// A range that is out of bounds or off character boundaries gives nothing.
pub(crate) fn units(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    // The WebAssembly reads every range through the token list, so it needs no flags.
    #[cfg(target_arch = "wasm32")]
    let (ascii, breaks) = (false, true);
    #[cfg(not(target_arch = "wasm32"))]
    let (ascii, breaks) =
        text.get(range.clone()).map_or((false, true), |s| (s.is_ascii(), s.bytes().any(|b| b == b'\n' || b == b'\r')));
    let mut out = Vec::new();
    units_into_plain(text, range, ascii, breaks, &mut Vec::new(), &mut out);
    out
}

/// [`units`] into `out` (cleared first), with `toks` as room for the tokens, for a range whose
/// caller has read it already: a caller that reads many short ranges (the boilerplate stage
/// reads every line of a paste, through `words_into`) reuses both lists. `ascii` says whether it is all
/// ASCII, `breaks` whether it holds a line break (`\n`, `\r`) (stripping measures every line
/// byte by byte before taking its words, and reading the line again for this was 1 % of its
/// time). Natively the flags pick a lane; the WebAssembly takes the ASCII lane for ASCII ranges
/// without line breaks and reads the others through the token list.
pub(crate) fn units_into_plain(
    text: &str,
    range: Range<usize>,
    ascii: bool,
    breaks: bool,
    toks: &mut Vec<Token>,
    out: &mut Vec<Range<usize>>,
) {
    out.clear();
    toks.clear();
    // A word hyphenated across a line break is joined through the token list. Otherwise, for
    // ASCII (most lines of English news) the units are the words and numbers as the tokenizer
    // reads them, read straight off its ASCII lane without listing the other tokens: joining
    // needs a line break or a character outside ASCII, and bigrams a script outside ASCII; other
    // lines are cut into pieces the ASCII lane reads. The WebAssembly takes the ASCII lane for
    // ASCII lines too (7-9 % of stripping in Chromium with the shortcuts of measuring, for 0.4 KB
    // gzipped); the pieces, like the all-ASCII lane of `segment`, are native only.
    if !breaks {
        #[cfg(not(target_arch = "wasm32"))]
        let done = if ascii {
            super::segment::ascii_words(text, range.clone(), out)
        } else {
            units_of_pieces(text, range.clone(), toks, out)
        };
        #[cfg(target_arch = "wasm32")]
        let done = ascii && super::segment::ascii_words(text, range.clone(), out);
        if done {
            return;
        }
        out.clear();
        toks.clear();
    }
    units_of_tokens(text, range, toks, out);
}

/// [`units_of_tokens`] for a range without line breaks that holds characters outside ASCII:
/// mostly English with a curly apostrophe or a dash, whose ASCII stretches the ASCII lane reads
/// and only the words around the other characters go through the token list. The range is cut
/// where a word starts after a space (an ASCII space followed by an ASCII character that is no
/// space): UAX #29 always breaks there and no rule looks across it, and without line breaks no
/// unit joins across a space, so the pieces give the units of the whole. Returns `false` if the
/// ASCII lane could not read a piece (never on ASCII); `out` then holds a part.
#[cfg(not(target_arch = "wasm32"))]
fn units_of_pieces(text: &str, range: Range<usize>, toks: &mut Vec<Token>, out: &mut Vec<Range<usize>>) -> bool {
    // A range out of bounds or off character boundaries gives nothing, as in the token list.
    if text.get(range.clone()).is_none() {
        return true;
    }
    let Some(bytes) = text.as_bytes().get(..range.end) else { return false };
    let cut = |p: usize| bytes[p - 1] == b' ' && bytes[p] < 0x80 && bytes[p] != b' ';
    let mut at = range.start;
    while at < range.end {
        let Some(k) = bytes[at..].iter().position(|&b| b >= 0x80).map(|k| at + k) else { break };
        // The word around it starts at the last cut before it; the piece runs on to the next
        // cut, and on over the words after it while they hold such characters too (a line of
        // Cyrillic is one piece).
        let mut lo = k;
        while lo > at && !cut(lo) {
            lo -= 1;
        }
        let mut hi = k + 1;
        loop {
            while hi < range.end && !cut(hi) {
                hi += 1;
            }
            let next_word_wide = (hi..range.end).take_while(|&p| p == hi || !cut(p)).any(|p| bytes[p] >= 0x80);
            if hi >= range.end || !next_word_wide {
                break;
            }
            hi += 1;
        }
        if lo > at && !super::segment::ascii_words(text, at..lo, out) {
            return false;
        }
        toks.clear();
        units_of_tokens(text, lo..hi, toks, out);
        at = hi;
    }
    at >= range.end || super::segment::ascii_words(text, at..range.end, out)
}

/// [`units_into_plain`] through the full token list (the general case).
fn units_of_tokens(text: &str, range: Range<usize>, toks: &mut Vec<Token>, out: &mut Vec<Range<usize>>) {
    let Some(slice) = text.get(range.clone()) else { return };
    let base = range.start;
    // About one token per three bytes of news text; reserving avoids most regrowth.
    toks.reserve(slice.len() / 3 + 1);
    super::segment_into(slice, toks);
    for t in toks.iter_mut() {
        t.span = base + t.span.start..base + t.span.end;
    }
    // About every other token is a word (the rest are spaces and punctuation).
    out.reserve(toks.len() / 2 + 1);
    let toks = &toks[..];
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if !t.is_lexical() {
            i += 1;
            continue;
        }
        if starts_spaceless(text, t) {
            let mut j = i + 1;
            while j < toks.len() && toks[j].is_lexical() && starts_spaceless(text, &toks[j]) {
                j += 1;
            }
            if j - i == 1 {
                out.push(t.span.clone());
            } else {
                out.extend((i..j - 1).map(|k| toks[k].span.start..toks[k + 1].span.end));
            }
            i = j;
            continue;
        }
        let mut span = t.span.clone();
        let mut j = i + 1;
        while let Some(next) = joined(text, toks, j) {
            span.end = toks[next].span.end;
            j = next + 1;
        }
        out.push(span);
        i = j;
    }
}

/// If the word ending before token `j` continues after it — across invisible characters, or a
/// hyphen and a line break — the index of the token that continues it.
fn joined(text: &str, toks: &[Token], j: usize) -> Option<usize> {
    let piece = |k: usize| toks.get(k).and_then(|t| text.get(t.span.clone()));
    let gap = piece(j)?;
    // Invisible characters are all outside ASCII, and the only ASCII hyphen is "-": most words
    // are followed by a space or punctuation, decided by one byte.
    if gap.as_bytes().first().is_some_and(|&b| b < 0x80 && b != b'-') {
        return None;
    }
    if gap.chars().all(is_invisible) {
        return toks.get(j + 1).filter(|t| t.kind == TokenKind::Word).map(|_| j + 1);
    }
    if gap.chars().count() == 1 && gap.chars().all(is_hyphen) {
        let space = piece(j + 1)?;
        let word = toks.get(j + 2)?;
        let breaks = space.chars().all(char::is_whitespace) && space.contains(['\n', '\r']);
        let lower = piece(j + 2)?.chars().next().is_some_and(char::is_lowercase);
        return (breaks && lower && word.kind == TokenKind::Word).then_some(j + 2);
    }
    None
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod ascii_tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The ASCII shortcut of `units` gives the units of the full token list.
        #[test]
        fn issue_9_ascii_lines_have_the_units_of_the_token_list(
            s in prop_oneof!["[\t -~]{0,60}", "[aZ09_:.',; \t\\-\"()]{0,60}"],
            from in 0usize..8,
        ) {
            let range = from.min(s.len())..s.len();
            let mut full = Vec::new();
            let fast = units(&s, range.clone());
            units_of_tokens(&s, range, &mut Vec::new(), &mut full);
            prop_assert_eq!(fast, full);
        }

        /// Lines with characters outside ASCII, cut into pieces at the starts of words
        /// (`units_of_pieces`), have the units of the full token list: marks and joiners after a
        /// space, invisible characters inside words, curly quotes, scripts without spaces.
        #[test]
        fn issue_9_lines_cut_at_word_starts_have_the_units_of_the_token_list(
            chars in prop::collection::vec(prop::sample::select(vec![
                'a', 'Z', '0', '7', '.', ',', ':', '_', '-', '\'', '"', '(', ' ', ' ', ' ', '\t', '’', '“', '”', '—',
                'é', 'Ж', 'я', '東', 'の', 'ก', '\u{E31}', '\u{301}', '\u{200B}', '\u{200D}', '\u{AD}', '\u{A0}',
                '\u{3000}', '👍', '🏽', '🇫', '🇷', '١', '٫',
            ]), 0..50),
            from in 0usize..8,
        ) {
            let s: String = chars.into_iter().collect();
            let from = (0..=from.min(s.len())).rev().find(|&i| s.is_char_boundary(i)).unwrap_or(0);
            let mut full = Vec::new();
            let fast = units(&s, from..s.len());
            units_of_tokens(&s, from..s.len(), &mut Vec::new(), &mut full);
            prop_assert_eq!(fast, full, "{:?}", s);
        }

        #[test]
        fn issue_9_any_text_has_the_units_of_the_token_list(s in any::<String>()) {
            let mut full = Vec::new();
            let fast = units(&s, 0..s.len());
            units_of_tokens(&s, 0..s.len(), &mut Vec::new(), &mut full);
            prop_assert_eq!(fast, full, "{:?}", s);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_9_the_latin_1_and_cyrillic_shortcut_of_folding_lowercases_as_the_case_tables_do() {
        // Every character of the two blocks, alone and inside a word: folded as `to_lowercase`
        // folds it, unless an earlier rule of `fold_append` takes it (ß, the quotes, the soft
        // hyphen, …), which the shortcut must not change either.
        let special = |c: char| matches!(c, 'ß' | '\u{AB}' | '\u{BB}' | '\u{AD}') || is_invisible(c);
        for c in ('\u{C0}'..='\u{FF}').chain('\u{400}'..='\u{45F}') {
            if special(c) {
                continue;
            }
            let mut got = String::new();
            fold_append(&format!("x{c}y"), &mut got);
            assert_eq!(got, format!("x{}y", c.to_lowercase()), "{c:?}");
        }
    }

    /// One line per case: a word as pasted, and its folded form.
    const FOLD: &[(&str, &str)] = &[
        ("Trump’s", "trump's"),
        ("Trump‘s", "trump's"),
        ("KREMLIN", "kremlin"),
        ("Straße", "strasse"),
        ("ΟΔΥΣΣΕΥΣ", "οδυσσευσ"),
        ("Одиссей", "одиссей"),
        ("co\u{AD}operate", "cooperate"),
        ("Pu\u{200B}tin", "putin"),
        ("\u{202B}عربي\u{202C}", "عربي"),
        ("\u{2067}שלום\u{2069}", "שלום"),
        ("e\u{301}te\u{301}", "été"),
        ("Zelens\u{30C}kyj", "zelenškyj"),
        ("й", "й"),
        ("и\u{306}", "й"),
        ("ﬁnance", "finance"),
        ("ＵＳＡ２０２５", "usa2025"),
        ("Trump–Putin", "trump-putin"),
        ("Western‐backed", "western-backed"),
        ("inter-\nnational", "international"),
        ("inter-\r\n  national", "international"),
        ("well-known", "well-known"),
        ("«oui»", "\"oui\""),
        ("东京", "东京"),
        ("👍🏽", "👍🏽"),
    ];

    #[test]
    fn issue_3_fold_table() {
        let wrong: Vec<String> = FOLD
            .iter()
            .filter(|(word, want)| fold(word) != *want)
            .map(|(word, want)| format!("{word:?}: got {:?}, want {want:?}", fold(word)))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    fn unit_texts(text: &str) -> Vec<&str> {
        units(text, 0..text.len()).into_iter().map(|r| &text[r]).collect()
    }

    /// One line per case: a text, and its comparison units joined by " | ".
    const UNITS: &[(&str, &str)] = &[
        ("The talks, in 2025.", "The | talks | in | 2025"),
        ("Trump’s deal", "Trump’s | deal"),
        ("Pu\u{200B}tin said", "Pu\u{200B}tin | said"),
        ("an inter-\nnational deal", "an | inter-\nnational | deal"),
        ("the Trump-\nPutin call", "the | Trump | Putin | call"),
        ("well-known", "well | known"),
        ("東京都", "東京 | 京都"),
        ("東", "東"),
        ("会談はカタカナで", "会談 | 談は | はカタカナ | カタカナで"),
        ("北京 and 东京", "北京 | and | 东京"),
        ("สวัสดี", "สวั | วัส | สดี"),
        ("👍🏽 e\u{301}", "e\u{301}"),
    ];

    #[test]
    fn issue_3_units_table() {
        let wrong: Vec<String> = UNITS
            .iter()
            .filter(|(text, want)| unit_texts(text).join(" | ") != *want)
            .map(|(text, want)| format!("{text:?}: got {:?}, want {want:?}", unit_texts(text).join(" | ")))
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn issue_3_units_of_a_long_spaceless_line_are_bigrams_not_one_token() {
        let text = "东".repeat(10_000);
        let u = units(&text, 0..text.len());
        assert_eq!(u.len(), 9_999);
        assert!(u.iter().all(|r| r.len() == 6));
    }

    #[test]
    fn compositions_are_sorted_and_canonical() {
        assert!(COMPOSE.windows(2).all(|w| (w[0].0, w[0].1) < (w[1].0, w[1].1)));
        assert_eq!(compose('e', '\u{301}'), Some('é'));
        assert_eq!(compose('q', '\u{301}'), None);
    }
}
