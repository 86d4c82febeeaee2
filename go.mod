module github.com/dyad-events/dyad

go 1.26.8

require github.com/clipperhouse/uax29/v2 v2.7.0
