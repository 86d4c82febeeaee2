package storetest

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"strings"

	"github.com/dyad-events/dyad/ingest"
)

type country struct{ name, adjective, capital string }

var countries = []country{
	{"Iran", "Iranian", "Tehran"}, {"Syria", "Syrian", "Damascus"}, {"Turkey", "Turkish", "Ankara"},
	{"Russia", "Russian", "Moscow"}, {"Egypt", "Egyptian", "Cairo"}, {"Jordan", "Jordanian", "Amman"},
	{"France", "French", "Paris"}, {"Germany", "German", "Berlin"}, {"Iraq", "Iraqi", "Baghdad"},
	{"Lebanon", "Lebanese", "Beirut"},
}

// Sentences of made-up news, each with one act of {A} on {B} that the coder recognises.
var templates = []string{
	"{A} accused {B} of violating the agreement.",
	"{A} imposed sanctions on {B}.",
	"The foreign minister of {A} met the {b} foreign minister in {Bcap} on {day}.",
	"{a} troops attacked {B}.",
	"Protesters in {A} demonstrated against {B}.",
	"{A} praised {B} for its support.",
	"{A} sent humanitarian aid to {B}.",
	"{A} called on {B} to release the journalists.",
	"{A} threatened to attack {B}.",
}

var days = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}

// Corpus returns n short made-up articles, the same for the same n: each has three to five
// sentences about acts between two of ten countries, and a date from 2015 to 2024.
func Corpus(n int) []ingest.Document {
	rng := rand.New(rand.NewPCG(1, uint64(n)))
	docs := make([]ingest.Document, n)
	for i := range docs {
		a := countries[rng.IntN(len(countries))]
		b := countries[rng.IntN(len(countries))]
		for b == a {
			b = countries[rng.IntN(len(countries))]
		}
		var text strings.Builder
		for s := 3 + rng.IntN(3); s > 0; s-- {
			x, y := a, b
			if rng.IntN(3) == 0 {
				x, y = b, a
			}
			r := strings.NewReplacer("{A}", x.name, "{a}", x.adjective, "{B}", y.name, "{b}", y.adjective,
				"{Bcap}", y.capital, "{day}", days[rng.IntN(len(days))])
			text.WriteString(r.Replace(templates[rng.IntN(len(templates))]))
			text.WriteString(" ")
		}
		fmt.Fprintf(&text, "Article %d ends here.", i) // no two texts alike
		docs[i] = ingest.Document{
			ID:        fmt.Sprintf("gen-%05d", i),
			Text:      text.String(),
			Title:     fmt.Sprintf("%s and %s", a.name, b.name),
			Published: fmt.Sprintf("%d-%02d-%02d", 2015+rng.IntN(10), 1+rng.IntN(12), 1+rng.IntN(28)),
			URL:       fmt.Sprintf("https://news.example/%05d", i),
			Outlet:    []string{"Example Wire", "Example Times"}[i%2],
		}
	}
	return docs
}

// WriteCorpus writes Corpus(n) to path as JSON Lines, the input format of dyad.
func WriteCorpus(path string, n int) error {
	var b strings.Builder
	enc := json.NewEncoder(&b)
	for _, d := range Corpus(n) {
		if err := enc.Encode(d); err != nil {
			return err
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("writing corpus: %w", err)
	}
	return nil
}
