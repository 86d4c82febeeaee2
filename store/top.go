package store

import (
	"context"
	"fmt"
	"strconv"
)

// TopQuery asks for the most frequent actors or dyads of the events that happened (negated events
// are left out).
type TopQuery struct {
	Of       string // "actors" (codes as source or target) or "dyads" (source code → target code)
	From, To string // optional date range, as in Filter
	Type     string // optional PLOVER type
	Limit    int    // at most this many rows; 0 for all
}

// TopRow is one actor, or one dyad, with its events.
type TopRow struct {
	Source    string  // the actor's code, or the dyad's source code
	Target    string  // the dyad's target code; empty for an actor
	Events    int     // events (an event merged from several reports counts once)
	Mentions  int     // independent reports of those events
	Goldstein float64 // mean Goldstein score of the events
}

// Top returns the actors or dyads with the most events, most first (then by code).
func (s *Store) Top(ctx context.Context, tq TopQuery) ([]TopRow, error) {
	f := Filter{From: tq.From, To: tq.To, Type: tq.Type, Limit: tq.Limit}
	if err := f.Check(); err != nil {
		return nil, err
	}
	cond, args := f.where()
	cond += " AND negated = FALSE"
	var query string
	switch tq.Of {
	case "actors":
		// each event counts for its source and for its target (once when they are one actor)
		query = `SELECT code, '', COUNT(*), SUM(mentions), AVG(goldstein) FROM (
			SELECT source_code AS code, mentions, goldstein FROM events WHERE source_code <> '' AND ` + cond + `
			UNION ALL
			SELECT target_code, mentions, goldstein FROM events
				WHERE target_code IS NOT NULL AND target_code <> '' AND target_code <> source_code AND ` + cond + `
		) a GROUP BY code ORDER BY COUNT(*) DESC, code`
		args = append(args, args...)
	case "dyads":
		query = `SELECT source_code, target_code, COUNT(*), SUM(mentions), AVG(goldstein) FROM events
			WHERE source_code <> '' AND target_code IS NOT NULL AND target_code <> '' AND ` + cond + `
			GROUP BY source_code, target_code ORDER BY COUNT(*) DESC, source_code, target_code`
	default:
		return nil, fmt.Errorf("top %q: want actors or dyads", tq.Of)
	}
	if tq.Limit > 0 {
		query += ` LIMIT ` + strconv.Itoa(tq.Limit)
	}
	rows, err := s.db.QueryContext(ctx, s.q(query), args...)
	if err != nil {
		return nil, fmt.Errorf("top %s in %s: %w", tq.Of, s.where, err)
	}
	defer rows.Close()
	var out []TopRow
	for rows.Next() {
		var r TopRow
		if err := rows.Scan(&r.Source, &r.Target, &r.Events, &r.Mentions, &r.Goldstein); err != nil {
			return nil, fmt.Errorf("top %s in %s: %w", tq.Of, s.where, err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("top %s in %s: %w", tq.Of, s.where, err)
	}
	return out, nil
}
