package quote

import (
	"strings"
	"testing"

	"github.com/dyad-events/dyad/actor"
)

func TestFind(t *testing.T) {
	kb, err := actor.Load("")
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, body string
		want       []string // "speaker|words"
	}{
		{"attribution after the quote",
			`"We will not accept any pressure on our people," Iranian President Hassan Rouhani said on Monday.`,
			[]string{"Hassan Rouhani|We will not accept any pressure on our people"}},
		{"said before the speaker",
			`"The talks were useful and frank," said Russian Foreign Minister Sergei Lavrov.`,
			[]string{"Sergei Lavrov|The talks were useful and frank"}},
		{"a scare-quoted label is not a quotation",
			`Sergei Lavrov spoke of the "red lines" of the West.`, nil},
		{"a participle: the subject speaks",
			"Rouhani praised Lavrov, saying the visit showed “a new page in our relations”.",
			[]string{"Hassan Rouhani|a new page in our relations"}},
		{"a quotation standing alone belongs to the person spoken of",
			"Lavrov arrived in Tehran on Monday.\n\n``We have come to listen to our partners.''",
			[]string{"Sergei Lavrov|We have come to listen to our partners"}},
		{"a body right before the verb speaks, not a person named earlier",
			`Rouhani met Lavrov on Monday and "the meeting was held in a warm atmosphere," the Iranian foreign ministry said in a statement.`,
			[]string{"the Iranian foreign ministry|the meeting was held in a warm atmosphere"}},
		{"a pronoun speaker", `Lavrov met the press. "Nothing was agreed today," he said.`,
			[]string{"Sergei Lavrov|Nothing was agreed today"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, q := range Find(kb, "d", c.body, "2019-05-01") {
				got = append(got, q.Speaker.Name+"|"+q.Text)
				if c.body[q.Start:q.End] != q.Text {
					t.Errorf("offsets %d-%d do not hold %q", q.Start, q.End, q.Text)
				}
			}
			if strings.Join(got, "; ") != strings.Join(c.want, "; ") {
				t.Errorf("got %v, want %v", got, c.want)
			}
		})
	}
}
