package when

import (
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"
)

// found writes the expressions of a sentence as "text=date/precision", joined by "; ".
func found(es []Expr) string {
	var parts []string
	for _, e := range es {
		parts = append(parts, e.Text+"="+e.Date+"/"+e.Precision)
	}
	return strings.Join(parts, "; ")
}

func TestFind(t *testing.T) {
	tests := []struct {
		name, pub, sentence, want string
	}{
		// Weekdays: the latest such day on or before publication.
		{"weekday same day", "2017-10-05", "Assad met Boroujerdi in Damascus on Thursday.", "Thursday=2017-10-05/day"},
		{"weekday day before", "2017-10-05", "They met on Wednesday.", "Wednesday=2017-10-04/day"},
		{"weekday day after is last week's", "2017-10-05", "They met on Friday.", "Friday=2017-09-29/day"},
		{"weekday lower case", "2017-10-05", "they met on wednesday", "wednesday=2017-10-04/day"},
		{"weekday with part of day", "2017-10-05", "Shelling resumed on Tuesday night.", "Tuesday night=2017-10-03/day"},
		{"weekday across month end", "2017-11-01", "The talks began on Monday.", "Monday=2017-10-30/day"},
		{"weekday across year end", "2018-01-02", "He spoke on Friday.", "Friday=2017-12-29/day"},
		{"weekday on leap day", "2024-03-01", "They met on Thursday.", "Thursday=2024-02-29/day"},
		{"weekday in a common year", "2023-03-01", "They met on Tuesday.", "Tuesday=2023-02-28/day"},
		{"last weekday on that day", "2017-10-05", "He left last Thursday.", "last Thursday=2017-09-28/day"},
		{"last weekday", "2017-10-05", "He left last Monday.", "last Monday=2017-10-02/day"},
		{"next weekday", "2017-10-05", "He will leave next Thursday.", "next Thursday=2017-10-12/day"},
		{"next weekday across year end", "2017-12-29", "Talks resume next Tuesday.", "next Tuesday=2018-01-02/day"},
		{"plural weekday is no date", "2017-10-05", "They meet on Thursdays.", ""},

		// Days relative to publication.
		{"today and tonight", "2017-10-05", "He arrived today and leaves tonight.", "today=2017-10-05/day; tonight=2017-10-05/day"},
		{"yesterday at capital", "2017-10-05", "Yesterday, rebels attacked.", "Yesterday=2017-10-04/day"},
		{"yesterday across year end", "2018-01-01", "He resigned yesterday.", "yesterday=2017-12-31/day"},
		{"yesterday on leap day", "2024-03-01", "He resigned yesterday.", "yesterday=2024-02-29/day"},
		{"day before yesterday", "2017-10-05", "It began the day before yesterday.", "the day before yesterday=2017-10-03/day"},
		{"last night", "2017-10-05", "Strikes hit the city last night.", "last night=2017-10-04/day"},
		{"this morning", "2017-10-05", "He said this morning that", "this morning=2017-10-05/day"},
		{"tomorrow", "2017-12-31", "They meet tomorrow.", "tomorrow=2018-01-01/day"},
		{"days ago", "2017-10-05", "He died three days ago.", "three days ago=2017-10-02/day"},
		{"days ago in figures", "2017-03-02", "It fell 2 days ago.", "2 days ago=2017-02-28/day"},

		// Weeks, months, years relative to publication.
		{"last week", "2017-10-05", "They met last week.", "last week=2017-W39/week"},
		{"last week across year end", "2021-01-05", "They met last week.", "last week=2020-W53/week"},
		{"this week", "2017-10-05", "Talks earlier this week failed.", "earlier this week=2017-W40/week"},
		{"two weeks ago", "2017-10-05", "two weeks ago", "two weeks ago=2017-W38/week"},
		{"last month", "2017-10-05", "a letter last month", "last month=2017-09/month"},
		{"last month across year end", "2017-01-15", "a letter last month", "last month=2016-12/month"},
		{"earlier this month", "2017-10-05", "It was signed earlier this month.", "earlier this month=2017-10/month"},
		{"later this month", "2017-10-05", "They meet later this month.", "later this month=2017-10/month"},
		{"next month", "2017-12-05", "They meet next month.", "next month=2018-01/month"},
		{"a month ago", "2017-03-31", "a month ago", "a month ago=2017-02/month"},
		{"last year", "2017-10-05", "the deal signed last year", "last year=2016/year"},
		{"this year", "2017-10-05", "elections this year", "this year=2017/year"},
		{"years ago", "2017-10-05", "five years ago", "five years ago=2012/year"},

		// Days and months without a year.
		{"month day", "2017-10-19", "They met on October 4.", "October 4=2017-10-04/day"},
		{"abbreviated month day", "2017-10-19", "They met on Oct. 4 in Tehran.", "Oct. 4=2017-10-04/day"},
		{"abbreviated month without stop", "2017-10-19", "They met Sept 30.", "Sept 30=2017-09-30/day"},
		{"day month", "2017-10-19", "They met on 4 October.", "4 October=2017-10-04/day"},
		{"day month abbreviated at the end", "2017-10-19", "They met on 4 Oct.", "4 Oct=2017-10-04/day"},
		{"ordinal of month", "2017-10-19", "on the 4th of October", "4th of October=2017-10-04/day"},
		{"capitals", "2017-10-19", "ON OCTOBER 4", "OCTOBER 4=2017-10-04/day"},
		{"no-break space", "2017-10-19", "on 4\u00a0October", "4\u00a0October=2017-10-04/day"},
		{"weekday and month day", "2017-10-19", "on Wednesday, October 4", "Wednesday, October 4=2017-10-04/day"},
		{"month day soon after publication", "2017-10-19", "elections on December 15", "December 15=2017-12-15/day"},
		{"month day too far ahead is last year's", "2017-10-19", "since December 25", "December 25=2016-12-25/day"},
		{"January in late December", "2017-12-30", "talks on January 3", "January 3=2018-01-03/day"},
		{"December in early January", "2018-01-03", "talks on December 28", "December 28=2017-12-28/day"},
		{"February 29 in a leap year", "2024-03-10", "on February 29", "February 29=2024-02-29/day"},
		{"February 29 after a leap year", "2025-03-10", "on February 29", "February 29=2024-02-29/day"},
		{"February 30 is no date", "2024-03-10", "on February 30", ""},
		{"in a month", "2017-10-19", "It was signed in May.", "May=2017-05/month"},
		{"in a month soon after publication", "2017-10-19", "elections in December", "December=2017-12/month"},
		{"in a month too far ahead is last year's", "2017-10-19", "talks in January", "January=2017-01/month"},
		{"early in a month", "2017-10-19", "in early September", "early September=2017-09/month"},
		{"last October in October", "2017-10-19", "the vote last October", "last October=2016-10/month"},

		// Absolute dates.
		{"month day year", "2019-01-01", "on October 4, 2017", "October 4, 2017=2017-10-04/day"},
		{"day month year", "2019-01-01", "on 4 October 2017", "4 October 2017=2017-10-04/day"},
		{"weekday month day year", "2019-01-01", "Thursday, October 5, 2017 was", "Thursday, October 5, 2017=2017-10-05/day"},
		{"ISO", "2019-01-01", "dated 2017-10-04.", "2017-10-04=2017-10-04/day"},
		{"ISO time", "2019-01-01", "at 2017-10-04T10:00Z", "2017-10-04=2017-10-04/day"},
		{"invalid ISO", "2019-01-01", "at 2017-13-04", ""},
		{"month year", "2019-01-01", "in October 2016", "October 2016=2016-10/month"},
		{"in a year", "2019-01-01", "the deal signed in 2015", "2015=2015/year"},
		{"early in a year", "2019-01-01", "until early 2015", "early 2015=2015/year"},
		{"mid year", "2019-01-01", "by mid-2015", "mid-2015=2015/year"},

		// Not time expressions.
		{"modal may", "2017-10-05", "May I ask? It may rain.", ""},
		{"march the verb", "2017-10-05", "March organisers said they would march.", ""},
		{"a bare number", "2017-10-05", "2015 people and 12 soldiers", ""},
		{"since a year", "2017-10-05", "at war since 2011", ""},
		{"a year in a word", "2017-10-05", "within2015", ""},

		// Without a publication date only absolute dates resolve.
		{"no pub weekday", "", "They met on Thursday.", "Thursday=/day"},
		{"no pub month day", "", "They met on October 4.", "October 4=/day"},
		{"no pub full date", "", "They met on 4 October 2017.", "4 October 2017=2017-10-04/day"},
		{"no pub year", "", "in 2015", "2015=2015/year"},
		{"no pub last week", "", "last week", "last week=/week"},
		{"bad pub", "yesterday", "They met yesterday.", "yesterday=/day"},
		{"pub as RFC 3339", "2017-10-05T23:00:00+03:00", "They met yesterday.", "yesterday=2017-10-04/day"},

		// Several in one sentence.
		{"several", "2017-10-05", "After talks on Tuesday, he left on Wednesday, a week after 2017-09-27.",
			"Tuesday=2017-10-03/day; Wednesday=2017-10-04/day; 2017-09-27=2017-09-27/day"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			es := Find(tt.sentence, tt.pub)
			if got := found(es); got != tt.want {
				t.Errorf("Find(%q, %q) = %q, want %q", tt.sentence, tt.pub, got, tt.want)
			}
			for _, e := range es {
				if tt.sentence[e.Start:e.End] != e.Text {
					t.Errorf("offsets %d:%d give %q, not %q", e.Start, e.End, tt.sentence[e.Start:e.End], e.Text)
				}
			}
		})
	}
}

func TestPublished(t *testing.T) {
	tests := []struct {
		name, published, text, want, source string
	}{
		{"date", "2017-10-19", "", "2017-10-19", "published"},
		{"RFC 3339", "2017-10-19T10:00:00Z", "", "2017-10-19", "published"},
		{"RFC 3339 keeps its own zone's date", "2017-10-19T23:30:00-05:00", "", "2017-10-19", "published"},
		{"RFC 3339 with fractions", "2017-10-19T10:00:00.123+02:00", "", "2017-10-19", "published"},
		{"date and time", "2017-10-19 10:00:00", "", "2017-10-19", "published"},
		{"RFC 1123", "Thu, 19 Oct 2017 10:00:00 GMT", "", "2017-10-19", "published"},
		{"RFC 1123 one-digit day", "Mon, 9 Oct 2017 10:00:00 +0000", "", "2017-10-09", "published"},
		{"RFC 850", "Thursday, 19-Oct-17 10:00:00 UTC", "", "2017-10-19", "published"},
		{"ANSI C", "Thu Oct 19 10:00:00 2017", "", "2017-10-19", "published"},
		{"slashes", "2017/10/19", "", "2017-10-19", "published"},
		{"words", "October 19, 2017", "", "2017-10-19", "published"},
		{"words day first", "19 October 2017, 10:00", "", "2017-10-19", "published"},
		{"spaces around", "  2017-10-19\n", "", "2017-10-19", "published"},
		{"published wins over text", "2017-10-20", "date 2017-10-19 Alwaght-", "2017-10-20", "published"},
		{"invalid published", "2017-02-30", "", "", "unknown"},

		{"header", "", " date 2017-10-19 Alwaght- Syrian President Bashar al Assad", "2017-10-19", "text"},
		{"header with colon", "", "Date: 2017-10-19\nText", "2017-10-19", "text"},
		{"header in words", "", "Published: Thursday, October 19, 2017 10:30 AM\nIran said", "2017-10-19", "text"},
		{"header under a title", "", "Assad thanks Iran\n\nPosted on 19 Oct 2017\nText", "2017-10-19", "text"},
		{"dateline with year", "", "TEHRAN, Oct. 4, 2017 (Reuters) - Iran said", "2017-10-04", "text"},
		{"dateline day first", "", "DAMASCUS, 4 October 2017 – Syria said", "2017-10-04", "text"},
		{"dateline of two places", "", "BEIRUT, Lebanon, October 4, 2017 — The army", "2017-10-04", "text"},
		{"dateline date only", "", "October 4, 2017 - Iran said", "2017-10-04", "text"},
		{"date line", "", "4 October 2017\nIran said", "2017-10-04", "text"},
		{"date line with time", "", "October 4, 2017 10:32 GMT\nIran said", "2017-10-04", "text"},
		{"dateline without year", "", "BEIJING, November 9. /TASS/. China said", "", "unknown"},
		{"dateline without year, year known", "2017", "BEIJING, November 9. /TASS/. China said", "2017-11-09", "text"},
		{"dateline without year, year and month known", "2017-11", "BEIJING, November 9. /TASS/. China said", "2017-11-09", "text"},
		{"Reuters dateline without year", "", "TEHRAN, Oct. 4 (Reuters) - Iran said", "", "unknown"},
		{"Reuters dateline, year known", "2017", "TEHRAN, Oct. 4 (Reuters) - Iran said", "2017-10-04", "text"},
		{"dateline without date", "", "WASHINGTON (Reuters) - The U.S.", "", "unknown"},
		{"a sentence is no dateline", "", "On October 4, 2017, the army attacked.", "", "unknown"},
		{"a date in a sentence is no dateline", "", "The army said the attack on October 4, 2017 failed.", "", "unknown"},
		{"a date far down is not the top", "", strings.Repeat("Text.\n", 10) + "October 4, 2017 - x", "", "unknown"},
		{"nothing", "", "", "", "unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			date, source := Published(tt.published, tt.text)
			if date != tt.want || source != tt.source {
				t.Errorf("Published(%q, %q) = %q, %q; want %q, %q", tt.published, tt.text, date, source, tt.want, tt.source)
			}
		})
	}
}

func TestEventDate(t *testing.T) {
	tests := []struct {
		name, sentence, trigger, pub, want, source string
	}{
		{"after the trigger", "Assad received on Tuesday the aide of the minister.", "received", "2022-03-02", "2022-03-01", "text"},
		{"after in the same clause, past commas", "The president made the remarks in a meeting with the lawmaker, Alaeddin Boroujerdi, in Damascus on Thursday, noting that", "meeting", "2017-10-05", "2017-10-05", "text"},
		{"before the trigger", "On Monday, Rouhani said Iran stands by Syria.", "said", "2019-02-26", "2019-02-25", "text"},
		{"after preferred to before", "On Monday the minister said he met Assad on Sunday.", "met", "2019-02-26", "2019-02-24", "text"},
		{"nearest after", "He met Assad on Sunday and Rouhani on Monday.", "met", "2019-02-26", "2019-02-24", "text"},
		{"nearest before", "On Sunday and on Monday he met Assad.", "met", "2019-02-26", "2019-02-25", "text"},
		{"not after in another clause", "Iran backed Syria, which it has supported since the war began in 2011.", "backed", "2017-10-05", "2017-10-05", "published"},
		{"before in another clause", "After talks on Monday, Iran backed Syria.", "backed", "2017-10-05", "2017-10-02", "text"},
		{"month precision", "Assad sent a letter to Khamenei earlier this month.", "sent", "2017-10-19", "2017-10", "text"},
		{"no expression", "Iran backed Syria.", "backed", "2017-10-05", "2017-10-05", "published"},
		{"no expression, no pub", "Iran backed Syria.", "backed", "", "", "unknown"},
		{"relative expression, no pub", "Iran backed Syria on Monday.", "backed", "", "", "unknown"},
		{"absolute expression, no pub", "Iran backed Syria on 4 October 2017.", "backed", "", "2017-10-04", "text"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := strings.Index(tt.sentence, tt.trigger)
			date, source := EventDate(tt.sentence, at, tt.pub)
			if date != tt.want || source != tt.source {
				t.Errorf("EventDate(%q, %d, %q) = %q, %q; want %q, %q", tt.sentence, at, tt.pub, date, source, tt.want, tt.source)
			}
		})
	}
	// A trigger offset out of range is clamped.
	for _, at := range []int{-5, 1000} {
		if date, source := EventDate("They met on Monday.", at, "2019-02-26"); date != "2019-02-25" || source != "text" {
			t.Errorf("EventDate at %d = %q, %q", at, date, source)
		}
	}
}

func TestCarry(t *testing.T) {
	const pub = "2017-10-05"
	sentences := []struct{ text, want string }{
		{"Assad met Boroujerdi in Damascus.", ""},
		{"Boroujerdi also met Muallem on Wednesday.", "2017-10-04"},
		{"The two sides expressed support for Iraq.", "2017-10-04"},
		{"Assad sent a letter last month.", "2017-10-04"},   // not day-precise
		{"They will meet again next Friday.", "2017-10-04"}, // after publication
		{"On Thursday, Assad thanked Iran.", "2017-10-05"},
	}
	narrative := ""
	for _, s := range sentences {
		narrative = Carry(narrative, s.text, pub)
		if narrative != s.want {
			t.Errorf("after %q: narrative %q, want %q", s.text, narrative, s.want)
		}
	}
}

func TestSpan(t *testing.T) {
	tests := []struct {
		date, first, last string
		ok                bool
	}{
		{"2017-10-05", "2017-10-05", "2017-10-05", true},
		{"2017-W40", "2017-10-02", "2017-10-08", true},
		{"2020-W53", "2020-12-28", "2021-01-03", true},
		{"2021-W53", "", "", false},
		{"2017-W00", "", "", false},
		{"2017-10", "2017-10-01", "2017-10-31", true},
		{"2024-02", "2024-02-01", "2024-02-29", true},
		{"2017", "2017-01-01", "2017-12-31", true},
		{"2017-02-30", "", "", false},
		{"201x", "", "", false},
		{"", "", "", false},
	}
	for _, tt := range tests {
		first, last, ok := Span(tt.date)
		if ok != tt.ok || (ok && (first.Format(dayLayout) != tt.first || last.Format(dayLayout) != tt.last)) {
			t.Errorf("Span(%q) = %v, %v, %v; want %s, %s, %v", tt.date, first, last, ok, tt.first, tt.last, tt.ok)
		}
	}
}

// checkDate fails t when date is neither "" nor a date at precision prec (any precision when prec
// is "").
func checkDate(t *testing.T, what, date, prec string) {
	t.Helper()
	if date == "" {
		return
	}
	if _, _, ok := Span(date); !ok {
		t.Fatalf("%s: invalid date %q", what, date)
	}
	lengths := map[string]int{Day: 10, Week: 8, Month: 7, Year: 4}
	if prec != "" && len(date) != lengths[prec] {
		t.Fatalf("%s: date %q is not of precision %q", what, date, prec)
	}
}

func FuzzFind(f *testing.F) {
	seeds := [][2]string{
		{"Assad met Boroujerdi in Damascus on Thursday, noting that", "2017-10-05"},
		{"They met on 4 October 2017, October 4, Oct. 4 and 2017-10-04.", "2017-10-19"},
		{"yesterday, last week, earlier this month, last year, in 2015, three days ago", "2024-03-01"},
		{"on February 29 and next Monday", "0001-01-01"},
		{"last year and the day before yesterday", "9999-12-31"},
		{"Thursday, October 5, 2017 was", ""},
		{"TEHRAN, Oct. 4 (Reuters) -", "2017"},
		{"in early May\xff and 4 Oct.", "Thu, 19 Oct 2017 10:00:00 GMT"},
	}
	for _, s := range seeds {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, sentence, pub string) {
		end := -1
		for _, e := range Find(sentence, pub) {
			if e.Start < 0 || e.End > len(sentence) || e.Start >= e.End || e.Start < end {
				t.Fatalf("bad offsets %d:%d (previous end %d) in %q", e.Start, e.End, end, sentence)
			}
			end = e.End
			if sentence[e.Start:e.End] != e.Text {
				t.Fatalf("Text %q is not sentence[%d:%d] = %q", e.Text, e.Start, e.End, sentence[e.Start:e.End])
			}
			if e.Precision != Day && e.Precision != Week && e.Precision != Month && e.Precision != Year {
				t.Fatalf("precision %q", e.Precision)
			}
			checkDate(t, "Find", e.Date, e.Precision)
		}
		for _, at := range []int{-1, 0, len(sentence) / 2, len(sentence) + 1} {
			date, source := EventDate(sentence, at, pub)
			checkDate(t, "EventDate", date, "")
			if (date == "") != (source == "unknown") {
				t.Fatalf("EventDate = %q, %q", date, source)
			}
		}
		checkDate(t, "Carry", Carry("", sentence, pub), Day)
		date, source := Published(pub, sentence)
		checkDate(t, "Published", date, Day)
		if (date == "") != (source == "unknown") || (source != "unknown" && source != "published" && source != "text") {
			t.Fatalf("Published = %q, %q", date, source)
		}
	})
}

func TestDateAhead(t *testing.T) {
	tests := []struct {
		name, sentence, trigger, pub, want string
	}{
		// 2019-05-01 is a Wednesday
		{"a bare weekday is the coming one", "The two will meet on Monday.", "meet", "2019-05-01", "2019-05-06"},
		{"the same weekday as publication: a week on", "The two will meet on Wednesday.", "meet", "2019-05-01", "2019-05-08"},
		{"last Monday stays last", "He promised last Monday to visit.", "promised", "2019-05-01", "2019-04-29"},
		{"next Monday is already ahead", "The two will meet next Monday.", "meet", "2019-05-01", "2019-05-06"},
		{"a full date is kept", "The two will meet on 3 June 2019.", "meet", "2019-05-01", "2019-06-03"},
		{"no expression: publication", "The two will meet.", "meet", "2019-05-01", "2019-05-01"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			at := strings.Index(tt.sentence, tt.trigger)
			exprs := Find(tt.sentence, tt.pub)
			if date, _ := DateAhead(exprs, tt.sentence, at, ReadPub(tt.pub)); date != tt.want {
				t.Errorf("DateAhead(%q) = %q; want %q", tt.sentence, date, tt.want)
			}
		})
	}
}

// TestFormat compares format with the time package's layouts, on every day of 1999 to 2031 and
// at the ends of the years it writes.
func TestFormat(t *testing.T) {
	want := func(d time.Time, prec string) string {
		if d.Year() < 1 || d.Year() > 9999 {
			return ""
		}
		switch prec {
		case Day:
			return d.Format("2006-01-02")
		case Week:
			y, w := d.ISOWeek()
			if y < 1 || y > 9999 {
				return ""
			}
			return fmt.Sprintf("%04d-W%02d", y, w)
		case Month:
			return d.Format("2006-01")
		}
		return d.Format("2006")
	}
	var days []time.Time
	for d := time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2032; d = d.AddDate(0, 0, 1) {
		days = append(days, d)
	}
	for _, y := range []int{-1, 0, 1, 2, 99, 999, 1000, 9998, 9999, 10000} {
		for _, md := range [][2]int{{1, 1}, {1, 3}, {6, 15}, {12, 28}, {12, 31}} {
			days = append(days, time.Date(y, time.Month(md[0]), md[1], 0, 0, 0, 0, time.UTC))
		}
	}
	for _, d := range days {
		for _, prec := range []string{Day, Week, Month, Year} {
			if got, want := format(d, prec), want(d, prec); got != want {
				t.Fatalf("format(%v, %s) = %q, want %q", d, prec, got, want)
			}
		}
	}
}

// TestPubEntryByHand checks that a YYYY-MM-DD publication date read by hand is what time.Parse
// reads, and that days that do not exist are left to it (and refused).
func TestPubEntryByHand(t *testing.T) {
	for _, pub := range []string{"2024-02-29", "2023-02-29", "2023-02-28", "1999-12-31", "2000-01-01",
		"2021-13-01", "2021-00-10", "2021-04-31", "2021-04-30", "2021-4-30", "20x1-04-30", " 2021-04-30", "2021-04-30T10:00:00Z", ""} {
		got := pubEntryOf(pub)
		wt, wok := readPubTime(pub)
		if got.ok != wok || wok && !got.t.Equal(wt) || wok && got.day != wt.Format(dayLayout) {
			t.Errorf("%q: got %v %v %q, time.Parse reads %v %v", pub, got.t, got.ok, got.day, wt, wok)
		}
	}
}

// TestParseDateISOByHand holds parseDate's reading of a field that begins YYYY-MM-DD by hand
// (isoDay) to time.Parse's reading and Format's writing, which it stands for.
func TestParseDateISOByHand(t *testing.T) {
	for _, pub := range []string{"2024-02-29", "2023-02-29", "2023-02-28", "1999-12-31", "2000-01-01",
		"0000-01-01", "0000-02-29", "0001-01-01", "9999-12-31", "2021-13-01", "2021-00-10", "2021-04-31",
		"2021-04-30", "20x1-04-30", "+021-04-30", "-021-04-30", "2021-04-3a", "2021-04-30T10:00:00Z",
		"2021-04-30t10", "2021-04-30 10:00", "2021-04-30_", "2021-04-30Z", "2021-04-30x", "2021-04-30\u00e9",
		"2021\u201104-30", "2021-04-300"} {
		if len(pub) < 10 {
			continue
		}
		tm, err := time.Parse(dayLayout, pub[:10])
		if _, _, _, ok := isoDay(pub[:10]); ok != (err == nil) || ok && pub[:10] != tm.Format(dayLayout) {
			t.Errorf("isoDay(%q) ok = %v; time.Parse reads %v, %v", pub[:10], ok, tm, err)
		}
		if got, ok := parseDate(pub); err == nil && (len(pub) == 10 || strings.ContainsRune("Tt _", rune(pub[10]))) && (!ok || got != tm.Format(dayLayout)) {
			t.Errorf("parseDate(%q) = %q, %v; time.Parse reads %v", pub, got, ok, tm)
		}
	}
}

func TestDaysIn(t *testing.T) {
	for _, y := range []int{1, 1600, 1700, 1900, 1999, 2000, 2016, 2017, 2020, 2100, 2400, 9999} {
		for m := 1; m <= 12; m++ {
			want := time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day()
			if got := daysIn(y, m); got != want {
				t.Errorf("daysIn(%d, %d) = %d, want %d", y, m, got, want)
			}
		}
	}
}

func TestIsoDay(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"2017-10-19", true},
		{"2016-02-29", true},
		{"2017-02-29", false},
		{"2000-02-29", true},
		{"1900-02-29", false},
		{"2017-04-31", false},
		{"2017-12-31", true},
		{"2017-13-01", false},
		{"2017-00-10", false},
		{"2017-10-00", false},
		{"2017/10/19", false},
		{"17-10-19", false},
	}
	for _, tt := range tests {
		if _, _, _, ok := isoDay(tt.in); ok != tt.ok {
			t.Errorf("isoDay(%q) ok = %v, want %v", tt.in, ok, tt.ok)
		}
	}
}

// TestCarryAmongByTime holds CarryAmong, which compares dates as strings, to the comparison of
// the days they write.
func TestCarryAmongByTime(t *testing.T) {
	dates := []string{"2017-10-19", "2017-10-18", "2017-10-20", "2016-12-31", "2018-01-01", "0000-02-29",
		"9999-12-31", "2017-02-29", "2017-13-01", "2017-1-01", "2017-W40", "2017-10", "", "x017-10-19"}
	for _, pub := range append(dates, "Thu, 19 Oct 2017 10:00:00 GMT", "2017") {
		p, ok := pubTime(pub)
		for _, d := range dates {
			want := "before"
			if day, err := time.Parse(dayLayout, d); err == nil && (!ok || !day.After(p)) {
				want = d
			}
			if got := CarryAmong("before", []Expr{{Date: d, Precision: Day}}, ReadPub(pub)); got != want {
				t.Errorf("CarryAmong(%q) published %q = %q, want %q", d, pub, got, want)
			}
		}
	}
}

// TestPubDay holds pubDay, and the day ReadPub keeps for DateAmong, DateAhead and CarryAmong, to
// pubEntryOf.
func TestPubDay(t *testing.T) {
	for _, pub := range []string{"2017-10-19", "2016-02-29", "2017-02-29", "0000-01-01", "2017-1-19", "",
		"Thu, 19 Oct 2017 10:00:00 GMT", "2017", "2017/10/19", "October 19, 2017", " 2017-10-19"} {
		c := pubEntryOf(pub)
		if day, ok := pubDay(pub); day != c.day || ok != c.ok {
			t.Errorf("pubDay(%q) = %q, %v; pubEntryOf: %q, %v", pub, day, ok, c.day, c.ok)
		}
		if p := ReadPub(pub); p.day != c.day || p.ok != c.ok {
			t.Errorf("ReadPub(%q) = %q, %v; pubEntryOf: %q, %v", pub, p.day, p.ok, c.day, c.ok)
		}
	}
}

// TestDateByHand holds date, which tells a valid day by hand, to time.Date's normalising.
func TestDateByHand(t *testing.T) {
	for y := -5; y <= 10000; y++ {
		for m := time.Month(0); m <= 13; m++ {
			for d := 0; d <= 32; d++ {
				ref := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
				refOK := ref.Year() == y && ref.Month() == m && ref.Day() == d
				got, ok := date(y, m, d)
				if ok != refOK || ok && !got.Equal(ref) {
					t.Fatalf("date(%d, %d, %d) = %v, %v; want %v, %v", y, m, d, got, ok, ref, refOK)
				}
			}
		}
	}
}

// TestAddDaysAndShift holds the counting of days (formatDayOf of a day's number moved n days)
// and shift's months to AddDate, for days in UTC as pubTime reads them.
func TestAddDaysAndShift(t *testing.T) {
	days := []time.Time{time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(9999, 12, 31, 0, 0, 0, 0, time.UTC)}
	for day := time.Date(1890, 1, 1, 0, 0, 0, 0, time.UTC); day.Year() < 2110; day = day.AddDate(0, 0, 1) {
		days = append(days, day)
	}
	for _, day := range days {
		for _, n := range []int{-400, -61, -31, -8, -7, -2, -1, 0, 1, 2, 7, 8, 31, 61, 400} {
			if got, want := formatDayOf(daysFrom(day.Date())+n), format(day.AddDate(0, 0, n), Day); got != want {
				t.Fatalf("%v and %d days: %s, want %s", day, n, got, want)
			}
		}
		if day.Day() > 2 {
			continue
		}
		for _, n := range []int{-25, -13, -12, -1, 0, 1, 11, 12, 25} {
			first := time.Date(day.Year(), day.Month(), 1, 0, 0, 0, 0, time.UTC)
			want := format(first.AddDate(0, n, 0), Month)
			pub := newPubDate(day.Date())
			if got, _ := shift(&pub, "month", n); got != want {
				t.Fatalf("shift(%v, month, %d) = %s, want %s", day, n, got, want)
			}
		}
	}
}

// TestWeekdayOf holds weekdayOf to comparing the name with each day's whole.
func TestWeekdayOf(t *testing.T) {
	for w := time.Sunday; w <= time.Saturday; w++ {
		n := w.String()
		for _, name := range []string{n, strings.ToLower(n), strings.ToUpper(n), strings.ReplaceAll(n, "s", "\u017f"),
			strings.ReplaceAll(strings.ToLower(n), "s", "\u017f")} {
			if got := weekdayOf(name); got != w {
				t.Errorf("weekdayOf(%q) = %v, want %v", name, got, w)
			}
		}
	}
}

// TestMonthOf holds monthOf to comparing the first three letters of each month in any case.
func TestMonthOf(t *testing.T) {
	names := []string{"Xyz", "ab", "", "Ma", "M@y", "\u017fep", "Sep.", "se\u017f"}
	for m := time.January; m <= time.December; m++ {
		n := m.String()
		names = append(names, n, n[:3], strings.ToUpper(n), strings.ToLower(n[:3])+"x", n[:3]+".")
	}
	for _, name := range names {
		var want time.Month
		for m := time.January; m <= time.December; m++ {
			if len(name) >= 3 && strings.EqualFold(name[:3], m.String()[:3]) {
				want = m
				break
			}
		}
		if got := monthOf(name); got != want {
			t.Errorf("monthOf(%q) = %v, want %v", name, got, want)
		}
	}
}

// TestResolveByHand holds the resolving functions, which count days and write dates from their
// numbers, to the ones they replaced, which made times and formatted them: Find gives the same
// expressions with either, on every day of 2015 to 2017 and days at the ends of the years format
// writes.
func TestResolveByHand(t *testing.T) {
	sentences := []string{"on October 4, 4 Oct. and 31 December", "on February 29 and January 1",
		"in October, last October, next January, this December, early March, during mid-May",
		"October 2017, early March 0001, December 9999, February 29, 2016, 29 February 2017",
		"last month, next month, this month, last year, next year, earlier this year, later this month",
		"twelve months ago, 99 months ago, 99 years ago, a year ago, one month ago, 12 years ago",
		"last week, next week, three weeks ago, two days ago, on Monday", "2016-02-29 and 0001-01-01",
		"99 weeks ago, 99 days ago, this week, last Sunday, next Sunday, this coming Thursday, Friday",
		"yesterday, today, tomorrow, the day before yesterday, the day after tomorrow, last night"}
	var pubs []string
	for d := time.Date(2015, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2018; d = d.AddDate(0, 0, 1) {
		pubs = append(pubs, d.Format(dayLayout))
	}
	pubs = append(pubs, "0001-01-01", "0001-02-28", "0001-12-31", "0002-01-01", "0099-12-31",
		"9999-10-20", "9999-11-01", "9999-12-31", "2000-02-29", "1900-02-28", "2100-02-28", "")
	byTime := map[int]func(match, time.Time, bool) (string, string, bool){0: fullDateByTime,
		1: fullDateByTime, 2: fullDateByTime, 3: dayMonthByTime, 4: dayMonthByTime, 5: monthYearByTime,
		6: monthOnlyByTime, 8: weekdayExprByTime, 9: relativeDayByTime, 10: relativePeriodByTime, 11: agoByTime}
	for _, pub := range pubs {
		p := ReadPub(pub)
		for _, s := range sentences {
			for i, f := range byTime {
				for _, raw := range patterns[i].re.FindAllStringSubmatchIndex(s, -1) {
					m := match{s, indexOf(raw), &patternGroups[i]}
					d, prec, ok := resolve(i, &m, &p.date, p.ok)
					wd, wprec, wok := f(m, time.Date(p.date.y, p.date.m, p.date.d, 0, 0, 0, 0, time.UTC), p.ok)
					if d != wd || prec != wprec || ok != wok {
						t.Fatalf("pattern %d at %q (%q, published %q) = %q %q %v, with times %q %q %v",
							i, s[raw[0]:raw[1]], s, pub, d, prec, ok, wd, wprec, wok)
					}
				}
			}
		}
	}
}

// The resolving functions as they were, making times.

func fullDateByTime(m match, _ time.Time, _ bool) (string, string, bool) {
	y, _ := strconv.Atoi(m.get(m.g.y))
	d, _ := strconv.Atoi(m.get(m.g.d))
	t, ok := date(y, monthNumber(&m), d)
	if !ok || y < 1 {
		return "", Day, false
	}
	return format(t, Day), Day, true
}

func dayMonthByTime(m match, pub time.Time, havePub bool) (string, string, bool) {
	d, _ := strconv.Atoi(m.get(m.g.d))
	mo := monthNumber(&m)
	if _, ok := date(2000, mo, d); !ok {
		return "", Day, false
	}
	if !havePub {
		return "", Day, true
	}
	limit := pub.Add(futureWindow)
	for y := pub.Year() + 1; y >= pub.Year()-4; y-- {
		if t, ok := date(y, mo, d); ok && !t.After(limit) {
			return format(t, Day), Day, true
		}
	}
	return "", Day, true
}

func monthYearByTime(m match, _ time.Time, _ bool) (string, string, bool) {
	y, _ := strconv.Atoi(m.get(m.g.y))
	if y < 1 {
		return "", Month, false
	}
	return format(time.Date(y, monthNumber(&m), 1, 0, 0, 0, 0, time.UTC), Month), Month, true
}

func monthOnlyByTime(m match, pub time.Time, havePub bool) (string, string, bool) {
	rel := strings.ToLower(m.get(m.g.rel))
	if m.get(m.g.pre) == "" && rel == "" && m.get(m.g.part) == "" {
		return "", Month, false
	}
	if !havePub {
		return "", Month, true
	}
	mo := monthNumber(&m)
	y := pub.Year()
	switch rel {
	case "last":
		if mo >= pub.Month() {
			y--
		}
	case "next":
		if mo <= pub.Month() {
			y++
		}
	case "this":
	default:
		limit := pub.Add(futureWindow)
		for y = pub.Year() + 1; time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC).After(limit); y-- {
		}
	}
	return format(time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC), Month), Month, true
}

func weekdayExprByTime(m match, pub time.Time, havePub bool) (string, string, bool) {
	if !havePub {
		return "", Day, true
	}
	wd := weekdayOf(m.get(m.g.wd))
	back := (int(pub.Weekday()) - int(wd) + 7) % 7
	switch strings.ToLower(m.get(m.g.rel)) {
	case "last", "past", "this past":
		if back == 0 {
			back = 7
		}
	case "next", "coming", "this coming":
		back -= 7
	}
	return format(pub.AddDate(0, 0, -back), Day), Day, true
}

func relativeDayByTime(m match, pub time.Time, havePub bool) (string, string, bool) {
	if !havePub {
		return "", Day, true
	}
	offset := 0
	switch strings.ToLower(m.get(m.g.x)) {
	case "yesterday", "last night":
		offset = -1
	case "the day before yesterday":
		offset = -2
	case "tomorrow":
		offset = 1
	case "the day after tomorrow":
		offset = 2
	}
	return format(pub.AddDate(0, 0, offset), Day), Day, true
}

func shiftByTime(pub time.Time, unit string, n int) (string, string) {
	prec := unitPrecision(unit)
	switch unit {
	case "day":
		return format(pub.AddDate(0, 0, n), prec), prec
	case "week":
		return format(pub.AddDate(0, 0, 7*n), prec), prec
	case "month":
		return format(time.Date(pub.Year(), pub.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC), prec), prec
	}
	return format(pub.AddDate(n, 0, 0), prec), prec
}

func relativePeriodByTime(m match, pub time.Time, havePub bool) (string, string, bool) {
	unit := strings.ToLower(m.get(m.g.unit))
	if !havePub {
		return "", unitPrecision(unit), true
	}
	n := 0
	switch strings.ToLower(m.get(m.g.rel)) {
	case "last":
		n = -1
	case "next", "coming":
		n = 1
	}
	d, prec := shiftByTime(pub, unit, n)
	return d, prec, true
}

func agoByTime(m match, pub time.Time, havePub bool) (string, string, bool) {
	unit := strings.ToLower(m.get(m.g.unit))
	if !havePub {
		return "", unitPrecision(unit), true
	}
	n, ok := numbers[strings.ToLower(m.get(m.g.num))]
	if !ok {
		n, _ = strconv.Atoi(m.get(m.g.num))
	}
	d, prec := shiftByTime(pub, unit, -n)
	return d, prec, true
}

// TestMonthOn holds monthOn to time.Date's carrying of months into years.
func TestMonthOn(t *testing.T) {
	for _, y := range []int{-1, 0, 1, 2017, 9999} {
		for m := time.Month(-30); m <= 30; m++ {
			wy, wm, _ := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC).Date()
			if gy, gm := monthOn(y, m); gy != wy || gm != wm {
				t.Errorf("monthOn(%d, %d) = %d, %d, want %d, %d", y, m, gy, gm, wy, wm)
			}
		}
	}
}

// TestDaysByHand holds daysFrom, dayOf, weekdayOfDay and formatWeekOf to the time package (the
// ISO week of its ISOWeek), on every day of the years -2 to 10001 (as time.Date counts them).
func TestDaysByHand(t *testing.T) {
	for day := time.Date(-2, 1, 1, 0, 0, 0, 0, time.UTC); day.Year() < 10002; day = day.AddDate(0, 0, 1) {
		y, m, d := day.Date()
		n := int(day.Unix() / (24 * 60 * 60)) // a whole number of days: midnight
		if got := daysFrom(y, m, d); got != n {
			t.Fatalf("daysFrom(%d, %d, %d) = %d, want %d", y, m, d, got, n)
		}
		if gy, gm, gd := dayOf(n); gy != y || gm != m || gd != d {
			t.Fatalf("dayOf(%d) = %d-%d-%d, want %d-%d-%d", n, gy, gm, gd, y, m, d)
		}
		if got := weekdayOfDay(n); got != day.Weekday() {
			t.Fatalf("weekdayOfDay(%d) = %v, want %v", n, got, day.Weekday())
		}
		wy, w := day.ISOWeek()
		want := fmt.Sprintf("%04d-W%02d", wy, w)
		if y < 1 || y > 9999 || wy < 1 || wy > 9999 {
			want = ""
		}
		if got := formatWeekOf(n); got != want {
			t.Fatalf("formatWeekOf(%d) = %q, want %q (%v)", n, got, want, day)
		}
	}
}

// TestPutDigits holds putDigits, which writes two digits at a time, to fmt on every number of two
// and four digits.
func TestPutDigits(t *testing.T) {
	for n := range 10000 {
		var b [4]byte
		putDigits(b[:], n)
		if got, want := string(b[:]), fmt.Sprintf("%04d", n); got != want {
			t.Fatalf("putDigits(%d) wrote %q, want %q", n, got, want)
		}
		if n < 100 {
			putDigits(b[:2], n)
			if got, want := string(b[:2]), fmt.Sprintf("%02d", n); got != want {
				t.Fatalf("putDigits(%d) wrote %q, want %q", n, got, want)
			}
		}
	}
}

// TestFormatDayOf holds formatDayOf, which takes the days of 2000 to 2039 from dayStrings, to the
// time package on every day from 1999 to 2040.
func TestFormatDayOf(t *testing.T) {
	for d := time.Date(1999, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() <= 2040; d = d.AddDate(0, 0, 1) {
		if got, want := formatDayOf(daysFrom(d.Date())), d.Format(dayLayout); got != want {
			t.Fatalf("formatDayOf(%s) = %q", want, got)
		}
	}
}

// TestFormatMonthAndYear holds formatMonth and formatYear, which take the months and years of
// 2000 to 2039 from monthStrings, to fmt on the years around them.
func TestFormatMonthAndYear(t *testing.T) {
	for y := 1990; y < 2050; y++ {
		if got, want := formatYear(y), fmt.Sprintf("%04d", y); got != want {
			t.Fatalf("formatYear(%d) = %q, want %q", y, got, want)
		}
		for m := time.January; m <= time.December; m++ {
			if got, want := formatMonth(y, m), fmt.Sprintf("%04d-%02d", y, m); got != want {
				t.Fatalf("formatMonth(%d, %d) = %q, want %q", y, m, got, want)
			}
		}
	}
}

// TestLower holds lower to strings.ToLower on groups in any case, ASCII or not.
func TestLower(t *testing.T) {
	for _, w := range []string{"", "last", "Last", "LAST", "lasT", "la\u017ft", "wee\u212a", "week", "Week",
		"earlier this", "Earlier This", "the day before yesterday", "a", "A", "two", "TWO", "12", "x_y",
		"\u00e9t\u00e9", "\xff", "[", "@", "`", "{"} {
		if got, want := lower(w), strings.ToLower(w); got != want {
			t.Errorf("lower(%q) = %q, want %q", w, got, want)
		}
	}
	for c := range 256 {
		w := "ab" + string([]byte{byte(c)}) + "d"
		if got, want := lower(w), strings.ToLower(w); got != want {
			t.Errorf("lower(%q) = %q, want %q", w, got, want)
		}
	}
}

func TestReadsPublished(t *testing.T) {
	tests := []struct {
		published string
		want      bool
	}{
		{"2017-10-05", true},
		{" 2017-10-05T10:00:00+02:00 ", true},
		{"Thu, 19 Oct 2017 10:00:00 GMT", true},
		{"October 19, 2017", true},
		{"2017/10/19", true},
		{"2017", true},
		{"2017-10", true},
		{"", false},
		{"05/10/2017", false},
		{"garbage", false},
		{"yesterday", false},
	}
	for _, tt := range tests {
		if got := ReadsPublished(tt.published); got != tt.want {
			t.Errorf("ReadsPublished(%q) = %v, want %v", tt.published, got, tt.want)
		}
		// it says whether Published takes anything from the field: with no text, a date
		_, src := Published(tt.published, "")
		if day := src == "published"; day && !tt.want {
			t.Errorf("Published(%q) read a date that ReadsPublished refuses", tt.published)
		}
	}
}
