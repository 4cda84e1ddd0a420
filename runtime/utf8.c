/* utf8.c: UTF-8 decoding and widths, on top of utf8proc's character data, with the East
   Asian Ambiguous characters counted as Chinese readers see them. */
#include "runtime/utf8.h"

#include <string.h>
#include <utf8proc.h>

/* The East Asian Ambiguous (A) characters of Unicode 14.0's EastAsianWidth.txt, as ranges:
   “ ” ‘ ’ — … · ° × ÷ ① Ⅻ, Greek and Cyrillic letters, box drawing, private use. A
   Chinese terminal font, Notepad and WPS draw them two columns wide; utf8proc (which
   follows the narrow rule of non-CJK contexts) counts them one. utf8proc has no flag for
   them, so the table is here; made with Python's unicodedata:
     [c for c in range(0x110000) if unicodedata.east_asian_width(chr(c)) == 'A'],
   runs of consecutive code points merged. */
static const struct { int32_t lo, hi; } ambiguous[] = {
  {0x00A1, 0x00A1}, {0x00A4, 0x00A4}, {0x00A7, 0x00A8}, {0x00AA, 0x00AA}, {0x00AD, 0x00AE},
  {0x00B0, 0x00B4}, {0x00B6, 0x00BA}, {0x00BC, 0x00BF}, {0x00C6, 0x00C6}, {0x00D0, 0x00D0},
  {0x00D7, 0x00D8}, {0x00DE, 0x00E1}, {0x00E6, 0x00E6}, {0x00E8, 0x00EA}, {0x00EC, 0x00ED},
  {0x00F0, 0x00F0}, {0x00F2, 0x00F3}, {0x00F7, 0x00FA}, {0x00FC, 0x00FC}, {0x00FE, 0x00FE},
  {0x0101, 0x0101}, {0x0111, 0x0111}, {0x0113, 0x0113}, {0x011B, 0x011B}, {0x0126, 0x0127},
  {0x012B, 0x012B}, {0x0131, 0x0133}, {0x0138, 0x0138}, {0x013F, 0x0142}, {0x0144, 0x0144},
  {0x0148, 0x014B}, {0x014D, 0x014D}, {0x0152, 0x0153}, {0x0166, 0x0167}, {0x016B, 0x016B},
  {0x01CE, 0x01CE}, {0x01D0, 0x01D0}, {0x01D2, 0x01D2}, {0x01D4, 0x01D4}, {0x01D6, 0x01D6},
  {0x01D8, 0x01D8}, {0x01DA, 0x01DA}, {0x01DC, 0x01DC}, {0x0251, 0x0251}, {0x0261, 0x0261},
  {0x02C4, 0x02C4}, {0x02C7, 0x02C7}, {0x02C9, 0x02CB}, {0x02CD, 0x02CD}, {0x02D0, 0x02D0},
  {0x02D8, 0x02DB}, {0x02DD, 0x02DD}, {0x02DF, 0x02DF}, {0x0300, 0x036F}, {0x0391, 0x03A1},
  {0x03A3, 0x03A9}, {0x03B1, 0x03C1}, {0x03C3, 0x03C9}, {0x0401, 0x0401}, {0x0410, 0x044F},
  {0x0451, 0x0451}, {0x2010, 0x2010}, {0x2013, 0x2016}, {0x2018, 0x2019}, {0x201C, 0x201D},
  {0x2020, 0x2022}, {0x2024, 0x2027}, {0x2030, 0x2030}, {0x2032, 0x2033}, {0x2035, 0x2035},
  {0x203B, 0x203B}, {0x203E, 0x203E}, {0x2074, 0x2074}, {0x207F, 0x207F}, {0x2081, 0x2084},
  {0x20AC, 0x20AC}, {0x2103, 0x2103}, {0x2105, 0x2105}, {0x2109, 0x2109}, {0x2113, 0x2113},
  {0x2116, 0x2116}, {0x2121, 0x2122}, {0x2126, 0x2126}, {0x212B, 0x212B}, {0x2153, 0x2154},
  {0x215B, 0x215E}, {0x2160, 0x216B}, {0x2170, 0x2179}, {0x2189, 0x2189}, {0x2190, 0x2199},
  {0x21B8, 0x21B9}, {0x21D2, 0x21D2}, {0x21D4, 0x21D4}, {0x21E7, 0x21E7}, {0x2200, 0x2200},
  {0x2202, 0x2203}, {0x2207, 0x2208}, {0x220B, 0x220B}, {0x220F, 0x220F}, {0x2211, 0x2211},
  {0x2215, 0x2215}, {0x221A, 0x221A}, {0x221D, 0x2220}, {0x2223, 0x2223}, {0x2225, 0x2225},
  {0x2227, 0x222C}, {0x222E, 0x222E}, {0x2234, 0x2237}, {0x223C, 0x223D}, {0x2248, 0x2248},
  {0x224C, 0x224C}, {0x2252, 0x2252}, {0x2260, 0x2261}, {0x2264, 0x2267}, {0x226A, 0x226B},
  {0x226E, 0x226F}, {0x2282, 0x2283}, {0x2286, 0x2287}, {0x2295, 0x2295}, {0x2299, 0x2299},
  {0x22A5, 0x22A5}, {0x22BF, 0x22BF}, {0x2312, 0x2312}, {0x2460, 0x24E9}, {0x24EB, 0x254B},
  {0x2550, 0x2573}, {0x2580, 0x258F}, {0x2592, 0x2595}, {0x25A0, 0x25A1}, {0x25A3, 0x25A9},
  {0x25B2, 0x25B3}, {0x25B6, 0x25B7}, {0x25BC, 0x25BD}, {0x25C0, 0x25C1}, {0x25C6, 0x25C8},
  {0x25CB, 0x25CB}, {0x25CE, 0x25D1}, {0x25E2, 0x25E5}, {0x25EF, 0x25EF}, {0x2605, 0x2606},
  {0x2609, 0x2609}, {0x260E, 0x260F}, {0x261C, 0x261C}, {0x261E, 0x261E}, {0x2640, 0x2640},
  {0x2642, 0x2642}, {0x2660, 0x2661}, {0x2663, 0x2665}, {0x2667, 0x266A}, {0x266C, 0x266D},
  {0x266F, 0x266F}, {0x269E, 0x269F}, {0x26BF, 0x26BF}, {0x26C6, 0x26CD}, {0x26CF, 0x26D3},
  {0x26D5, 0x26E1}, {0x26E3, 0x26E3}, {0x26E8, 0x26E9}, {0x26EB, 0x26F1}, {0x26F4, 0x26F4},
  {0x26F6, 0x26F9}, {0x26FB, 0x26FC}, {0x26FE, 0x26FF}, {0x273D, 0x273D}, {0x2776, 0x277F},
  {0x2B56, 0x2B59}, {0x3248, 0x324F}, {0xE000, 0xF8FF}, {0xFE00, 0xFE0F}, {0xFFFD, 0xFFFD},
  {0x1F100, 0x1F10A}, {0x1F110, 0x1F12D}, {0x1F130, 0x1F169}, {0x1F170, 0x1F18D},
  {0x1F18F, 0x1F190}, {0x1F19B, 0x1F1AC}, {0xE0100, 0xE01EF}, {0xF0000, 0xFFFFD},
  {0x100000, 0x10FFFD},
};

static int ambiguous_wide = 1;

void utf8_set_ambiguous_wide(int wide) { ambiguous_wide = wide != 0; }

/* Whether cp is East Asian Ambiguous: a binary search of the ranges. */
static int is_ambiguous(int32_t cp) {
  size_t lo = 0, hi = sizeof ambiguous / sizeof *ambiguous;
  if (cp < ambiguous[0].lo) return 0;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (cp < ambiguous[mid].lo) hi = mid;
    else if (cp > ambiguous[mid].hi) lo = mid + 1;
    else return 1;
  }
  return 0;
}

int utf8_char_width(int32_t cp) {
  if (cp < 0x80) return 1;
  int w = utf8proc_charwidth(cp);
  if (w < 0) return 1;
  if (w == 1 && ambiguous_wide && is_ambiguous(cp)) return 2; /* zero width stays zero */
  return w;
}

/* The length of the valid UTF-8 sequence that starts with the non-ASCII byte at s (n > 0
   bytes left), with its code point in *cp; 0 when the bytes are not valid. The rules are
   utf8proc_iterate's (a lead byte C2..F4, continuation bytes 80..BF, no overlong form, no
   surrogate, nothing past U+10FFFF), inline: a call per character of Chinese text was a
   tenth of the scanner's time. */
static inline int utf8_seq(const unsigned char *s, size_t n, int32_t *cp) {
  unsigned c = s[0];
  if (c < 0xC2 || c > 0xF4) return 0;
  if (c < 0xE0) {
    if (n < 2 || (s[1] & 0xC0) != 0x80) return 0;
    *cp = (int32_t)((c & 0x1F) << 6 | (s[1] & 0x3Fu));
    return 2;
  }
  if (c < 0xF0) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    if ((c == 0xE0 && s[1] < 0xA0) || (c == 0xED && s[1] > 0x9F)) return 0;
    *cp = (int32_t)((c & 0x0F) << 12 | (s[1] & 0x3Fu) << 6 | (s[2] & 0x3Fu));
    return 3;
  }
  if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
    return 0;
  if ((c == 0xF0 && s[1] < 0x90) || (c == 0xF4 && s[1] > 0x8F)) return 0;
  *cp = (int32_t)((c & 0x07) << 18 | (s[1] & 0x3Fu) << 12 | (s[2] & 0x3Fu) << 6 |
                  (s[3] & 0x3Fu));
  return 4;
}

/* Found eight bytes at a time: the text of a plan is mostly ASCII words, digits and blanks
   between its Chinese. */
size_t utf8_ascii_prefix(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, u + i, 8);
    if (w & 0x8080808080808080u) break;
  }
  while (i < n && u[i] < 0x80) i++;
  return i;
}

/* Decode one character at s; -1 on an invalid sequence. */
int utf8_decode(const char *s, size_t n, int32_t *cp) {
  if (n == 0) return -1;
  const unsigned char *u = (const unsigned char *)s;
  if (u[0] < 0x80) {
    *cp = u[0];
    return 1;
  }
  int len = utf8_seq(u, n, cp);
  if (len == 0) {
    *cp = u[0];
    return -1;
  }
  return len;
}

/* Offset of the first invalid byte, or n. The eight-byte ASCII probe runs only from an
   ASCII byte: in Chinese text one character follows another. */
size_t utf8_invalid_at(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0;
  int32_t cp;
  while (i < n) {
    if (u[i] < 0x80) {
      i += utf8_ascii_prefix(s + i, n - i);
      continue;
    }
    int len = utf8_seq(u + i, n - i, &cp);
    if (len == 0) return i;
    i += (size_t)len;
  }
  return n;
}

/* Whether an ASCII byte is a control character other than tab and newline. */
static inline int utf8_is_control(unsigned char c) {
  return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F;
}

/* The clean prefix: eight ASCII bytes at a time while none is below a space or DEL (a tab
   or a newline sends the word to the byte loop), then a character at a time. */
size_t utf8_clean_prefix(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  const uint64_t ones = 0x0101010101010101u, highs = 0x8080808080808080u;
  size_t i = 0;
  int32_t cp;
  while (i < n) {
    if (u[i] >= 0x80) {
      int len = utf8_seq(u + i, n - i, &cp);
      if (len == 0) return i;
      i += (size_t)len;
      continue;
    }
    for (; i + 8 <= n; i += 8) {
      uint64_t w, del;
      memcpy(&w, u + i, 8);
      del = w ^ 0x7F * ones;
      if ((w & highs) || ((w - 0x20 * ones) & ~w & highs) || ((del - ones) & ~del & highs))
        break;
    }
    for (; i < n && u[i] < 0x80; i++)
      if (utf8_is_control(u[i])) return i;
  }
  return n;
}

/* Columns: characters, counting an invalid byte as one. */
int utf8_cols(const char *s, size_t n) {
  const unsigned char *u = (const unsigned char *)s;
  size_t i = 0, cols = 0;
  int32_t cp;
  while (i < n) {
    if (u[i] < 0x80) {
      size_t k = utf8_ascii_prefix(s + i, n - i);
      i += k;
      cols += k;
      continue;
    }
    int len = utf8_seq(u + i, n - i, &cp);
    i += len ? (size_t)len : 1;
    cols++;
  }
  return (int)cols;
}

/* Byte offset of a column, counting as utf8_cols does. */
size_t utf8_offset(const char *s, size_t n, int cols) {
  size_t i = 0;
  while (i < n && cols-- > 0) {
    int32_t cp;
    int len = utf8_decode(s + i, n - i, &cp);
    i += len < 0 ? 1 : (size_t)len;
  }
  return i;
}

/* Display width: utf8_char_width of each character; invalid bytes take one cell. */
int utf8_width(const char *s, size_t n) {
  int w = 0;
  size_t i = 0;
  while (i < n) {
    int32_t cp;
    int len = utf8_decode(s + i, n - i, &cp);
    if (len < 0) {
      w += 1;
      i += 1;
      continue;
    }
    w += utf8_char_width(cp);
    i += (size_t)len;
  }
  return w;
}
