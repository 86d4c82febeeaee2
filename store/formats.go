package store

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"

	"github.com/dyad-events/dyad/event"
	"github.com/dyad-events/dyad/merge"
	"github.com/dyad-events/dyad/when"
)

// The export formats of other event datasets' tools: PLOVER's JSON, GDELT 1.0's tab-separated
// events, and GraphML for network tools (Gephi, networkx).

// PLOVERRecord is an event in the field names of PLOVER's JSON records. The mapping:
//
//	id                               id (dyad's stable id)
//	date                             date (YYYY-MM-DD, or a week, month or year; "" unknown)
//	event_type                       type (the 16 PLOVER types)
//	mode                             mode ("" when none)
//	context                          PLOVER's contexts; dyad codes none, so it is left out
//	source, source_actor,            source actor: its name (else the words of the text), its
//	source_agent, source_code        country and its sector (PLOVER's agent), and dyad's code
//	target, target_actor, …          the same for the target; absent when there is none
//	place_name, country,             the location: its name, country, coordinates; absent when
//	latitude, longitude              there is none
//	the rest                         dyad's own fields, under their dyad names: doc_id, sentence,
//	                                 date_source, intent, intended, negated, cameo, goldstein,
//	                                 evidence, confidence, mentions and sources
type PLOVERRecord struct {
	ID          string         `json:"id"`
	Date        string         `json:"date"`
	EventType   string         `json:"event_type"`
	Mode        string         `json:"mode"`
	Context     []string       `json:"context,omitempty"`
	Source      string         `json:"source"`
	SourceActor string         `json:"source_actor"`
	SourceAgent string         `json:"source_agent"`
	SourceCode  string         `json:"source_code"`
	Target      string         `json:"target,omitempty"`
	TargetActor string         `json:"target_actor,omitempty"`
	TargetAgent string         `json:"target_agent,omitempty"`
	TargetCode  string         `json:"target_code,omitempty"`
	PlaceName   string         `json:"place_name,omitempty"`
	Country     string         `json:"country,omitempty"`
	Latitude    *float64       `json:"latitude,omitempty"`
	Longitude   *float64       `json:"longitude,omitempty"`
	DocID       string         `json:"doc_id"`
	Sentence    int            `json:"sentence"`
	DateSource  string         `json:"date_source"`
	Intent      bool           `json:"intent"`
	Intended    string         `json:"intended"`
	Negated     bool           `json:"negated"`
	Cameo       string         `json:"cameo"`
	Goldstein   float64        `json:"goldstein"`
	Evidence    string         `json:"evidence"`
	Confidence  float64        `json:"confidence"`
	Mentions    int            `json:"mentions"`
	Sources     []merge.Source `json:"sources"`
}

// actorName is how an actor is named in other formats: its canonical name, else its words.
func actorName(a *event.Actor) string {
	if a.Name != "" {
		return a.Name
	}
	return a.Text
}

// NewPLOVERRecord returns a merged event as a PLOVER record.
func NewPLOVERRecord(m *merge.Merged) PLOVERRecord {
	e := &m.Event
	r := PLOVERRecord{ID: e.ID, Date: e.Date, EventType: e.Type, Mode: e.Mode,
		Source: actorName(&e.Source), SourceActor: e.Source.Country, SourceAgent: e.Source.Sector,
		SourceCode: e.Source.Code, DocID: e.DocID, Sentence: e.Sentence, DateSource: e.DateSource,
		Intent: e.Intent, Intended: e.Intended, Negated: e.Negated, Cameo: e.Cameo,
		Goldstein: e.Goldstein, Evidence: e.Evidence, Confidence: e.Confidence,
		Mentions: m.Mentions, Sources: m.Sources}
	if t := e.Target; t != nil {
		r.Target, r.TargetActor, r.TargetAgent, r.TargetCode = actorName(t), t.Country, t.Sector, t.Code
	}
	if l := e.Location; l != nil {
		lat, lon := l.Lat, l.Lon
		r.PlaceName, r.Country, r.Latitude, r.Longitude = l.Name, l.Country, &lat, &lon
	}
	return r
}

// PLOVERWriter returns a function that writes merged events as PLOVER records, one JSON object
// a line.
func PLOVERWriter(w io.Writer) func(*merge.Merged) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return func(m *merge.Merged) error { return enc.Encode(NewPLOVERRecord(m)) }
}

// GDELTColumns are the columns of the gdelt-tsv export: those of GDELT 1.0's event files that
// dyad can fill, in GDELT's order, named as GDELT names them.
//
//	GLOBALEVENTID          dyad's event id (16 hex digits, not GDELT's integer)
//	SQLDATE, MonthYear,    the event's date as YYYYMMDD, YYYYMM, YYYY; for a week, month or year,
//	Year                   its first day; empty when unknown
//	Actor1Code, …          the source: CAMEO-style code (country + sector, SYRGOV), name (canonical,
//	                       else the words), country code (ISO 3166-1 alpha-3, which CAMEO's country
//	                       codes follow but for a few), sector as Actor1Type1Code
//	Actor2…                the target, the same way; empty when there is none
//	IsRootEvent            1 (every event of dyad is the event of its sentence)
//	EventCode, EventBaseCode, EventRootCode
//	                       the CAMEO code and its first three and two digits
//	QuadClass              1 verbal cooperation, 2 material cooperation, 3 verbal conflict,
//	                       4 material conflict, from the PLOVER type
//	GoldsteinScale         the Goldstein score
//	NumMentions            independent reports of the event (its sources less the copies)
//	NumSources             distinct outlets among its sources
//	NumArticles            documents that report it, copies included
//	ActionGeo_Type, …      the location: 4 (a city) when there is one, its name, country, latitude,
//	                       longitude; empty otherwise
//	SOURCEURL              the URL of the earliest source that has one
//
// Negated events did not happen, and GDELT has no way to say so: they are left out. GDELT's other
// columns (ethnic, religion and known-group codes, AvgTone, the actors' own places, DATEADDED)
// are not written.
var GDELTColumns = []string{"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year",
	"Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
	"Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
	"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
	"NumMentions", "NumSources", "NumArticles",
	"ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
	"SOURCEURL"}

// GDELTRow returns a merged event as a row of GDELTColumns, or nil for a negated event.
func GDELTRow(m *merge.Merged) []string {
	e := &m.Event
	if e.Negated {
		return nil
	}
	sqlDate, monthYear, year := "", "", ""
	if first, _, ok := when.Span(e.Date); ok {
		sqlDate, monthYear, year = first.Format("20060102"), first.Format("200601"), first.Format("2006")
	}
	var target event.Actor
	targetName := ""
	if e.Target != nil {
		target, targetName = *e.Target, actorName(e.Target)
	}
	prefix := func(n int) string { return e.Cameo[:min(n, len(e.Cameo))] }
	quad := ""
	if q := Quad(e.Type); q >= 0 {
		quad = strconv.Itoa(q + 1)
	}
	outlets := map[string]bool{}
	url := ""
	for _, s := range m.Sources {
		outlets[s.Outlet] = true
		if url == "" {
			url = s.URL
		}
	}
	geoType, geoName, geoCountry, lat, lon := "", "", "", "", ""
	if l := e.Location; l != nil {
		geoType, geoName, geoCountry = "4", l.Name, l.Country
		lat, lon = strconv.FormatFloat(l.Lat, 'f', -1, 64), strconv.FormatFloat(l.Lon, 'f', -1, 64)
	}
	return []string{e.ID, sqlDate, monthYear, year,
		e.Source.Code, actorName(&e.Source), e.Source.Country, e.Source.Sector,
		target.Code, targetName, target.Country, target.Sector,
		"1", e.Cameo, prefix(3), prefix(2), quad, strconv.FormatFloat(e.Goldstein, 'f', -1, 64),
		strconv.Itoa(m.Mentions), strconv.Itoa(len(outlets)), strconv.Itoa(len(m.Sources)),
		geoType, geoName, geoCountry, lat, lon, url}
}

// GDELTWriter returns functions that write merged events as the rows of a tab-separated file
// with a header of GDELTColumns, and finish it. Tabs and line breaks within a field become spaces.
func GDELTWriter(w io.Writer) (write func(*merge.Merged) error, finish func() error) {
	bad := strings.NewReplacer("\t", " ", "\n", " ", "\r", " ")
	line := func(fields []string) error {
		for i, f := range fields {
			fields[i] = bad.Replace(f)
		}
		_, err := io.WriteString(w, strings.Join(fields, "\t")+"\n")
		return err
	}
	headerErr := line(append([]string(nil), GDELTColumns...))
	return func(m *merge.Merged) error {
			if headerErr != nil {
				return headerErr
			}
			if row := GDELTRow(m); row != nil {
				return line(row)
			}
			return nil
		}, func() error {
			return headerErr
		}
}

// Graph is the network of the stored events that happened (negated ones are left out): actors as
// nodes, and one edge per source → target pair.
type Graph struct {
	Nodes []GraphNode
	Edges []GraphEdge
}

// GraphNode is an actor code, with its country and sector.
type GraphNode struct {
	Code, Country, Sector string
}

// GraphEdge is what one actor did to another: its events, per PLOVER type, and their mean
// Goldstein score.
type GraphEdge struct {
	Source, Target string
	Events         int
	Types          map[string]int
	Goldstein      float64
}

// Graph returns the network of the events that the filter selects (its Limit is ignored).
func (s *Store) Graph(ctx context.Context, f Filter) (Graph, error) {
	f.Limit = 0
	if err := f.Check(); err != nil {
		return Graph{}, err
	}
	cond, args := f.where()
	query := `SELECT source_code, source_country, source_sector, target_code, target_country, target_sector,
		type, COUNT(*), SUM(goldstein) FROM events
		WHERE negated = FALSE AND source_code <> '' AND target_code IS NOT NULL AND target_code <> '' AND ` + cond + `
		GROUP BY source_code, source_country, source_sector, target_code, target_country, target_sector, type`
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return Graph{}, fmt.Errorf("the network of %s: %w", s.where, err)
	}
	defer rows.Close()
	nodes := map[string]GraphNode{}
	edges := map[[2]string]*GraphEdge{}
	sums := map[[2]string]float64{}
	for rows.Next() {
		var src, tgt GraphNode
		var typ string
		var n int
		var sum float64
		if err := rows.Scan(&src.Code, &src.Country, &src.Sector, &tgt.Code, &tgt.Country, &tgt.Sector,
			&typ, &n, &sum); err != nil {
			return Graph{}, fmt.Errorf("the network of %s: %w", s.where, err)
		}
		nodes[src.Code], nodes[tgt.Code] = src, tgt
		k := [2]string{src.Code, tgt.Code}
		if edges[k] == nil {
			edges[k] = &GraphEdge{Source: src.Code, Target: tgt.Code, Types: map[string]int{}}
		}
		edges[k].Events += n
		edges[k].Types[typ] += n
		sums[k] += sum
	}
	if err := rows.Err(); err != nil {
		return Graph{}, fmt.Errorf("the network of %s: %w", s.where, err)
	}
	var g Graph
	for _, n := range nodes {
		g.Nodes = append(g.Nodes, n)
	}
	sort.Slice(g.Nodes, func(i, j int) bool { return g.Nodes[i].Code < g.Nodes[j].Code })
	for k, e := range edges {
		e.Goldstein = sums[k] / float64(e.Events)
		g.Edges = append(g.Edges, *e)
	}
	sort.Slice(g.Edges, func(i, j int) bool {
		a, b := g.Edges[i], g.Edges[j]
		return a.Source < b.Source || a.Source == b.Source && a.Target < b.Target
	})
	return g, nil
}

// GraphML is the XML of a GraphML file (http://graphml.graphdrawing.org), as Gephi, networkx
// (read_graphml), igraph and Cytoscape read it. It reads a file back with encoding/xml too.
type GraphML struct {
	XMLName xml.Name     `xml:"graphml"`
	XMLNS   string       `xml:"xmlns,attr"`
	Keys    []GraphMLKey `xml:"key"`
	Graph   GraphMLGraph `xml:"graph"`
}

// GraphMLKey declares an attribute of nodes or edges.
type GraphMLKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

// GraphMLGraph is the graph: directed, its nodes, then its edges.
type GraphMLGraph struct {
	ID          string        `xml:"id,attr"`
	EdgeDefault string        `xml:"edgedefault,attr"`
	Nodes       []GraphMLNode `xml:"node"`
	Edges       []GraphMLEdge `xml:"edge"`
}

// GraphMLNode is a node with its attributes.
type GraphMLNode struct {
	ID   string        `xml:"id,attr"`
	Data []GraphMLData `xml:"data"`
}

// GraphMLEdge is an edge with its attributes.
type GraphMLEdge struct {
	ID     string        `xml:"id,attr"`
	Source string        `xml:"source,attr"`
	Target string        `xml:"target,attr"`
	Data   []GraphMLData `xml:"data"`
}

// GraphMLData is the value of an attribute.
type GraphMLData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// NewGraphML returns the graph as GraphML. Nodes have the attributes label (the code), country
// and sector; edges have events (their number), goldstein (their mean score, to three decimals)
// and one count per PLOVER type, named after it (ASSAULT…), written when not zero (GraphML
// readers take the default, 0, for the others).
func NewGraphML(g Graph) GraphML {
	doc := GraphML{XMLNS: "http://graphml.graphdrawing.org/xmlns",
		Graph: GraphMLGraph{ID: "dyad", EdgeDefault: "directed"}}
	doc.Keys = []GraphMLKey{
		{"label", "node", "label", "string"}, {"country", "node", "country", "string"},
		{"sector", "node", "sector", "string"},
		{"events", "edge", "events", "int"}, {"goldstein", "edge", "goldstein", "double"},
	}
	for _, t := range Types {
		doc.Keys = append(doc.Keys, GraphMLKey{t, "edge", t, "int"})
	}
	for _, n := range g.Nodes {
		doc.Graph.Nodes = append(doc.Graph.Nodes, GraphMLNode{ID: n.Code, Data: []GraphMLData{
			{"label", n.Code}, {"country", n.Country}, {"sector", n.Sector}}})
	}
	for i, e := range g.Edges {
		data := []GraphMLData{{"events", strconv.Itoa(e.Events)},
			{"goldstein", strconv.FormatFloat(math.Round(e.Goldstein*1000)/1000, 'f', -1, 64)}}
		for _, t := range Types {
			if n := e.Types[t]; n > 0 {
				data = append(data, GraphMLData{t, strconv.Itoa(n)})
			}
		}
		doc.Graph.Edges = append(doc.Graph.Edges, GraphMLEdge{ID: "e" + strconv.Itoa(i), Source: e.Source,
			Target: e.Target, Data: data})
	}
	return doc
}

// WriteGraphML writes the graph as a GraphML file.
func WriteGraphML(w io.Writer, g Graph) error {
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(NewGraphML(g)); err != nil {
		return fmt.Errorf("writing GraphML: %w", err)
	}
	if err := enc.Close(); err != nil {
		return fmt.Errorf("writing GraphML: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}
