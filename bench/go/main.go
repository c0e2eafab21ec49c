// The Go peer of the catalog list for `make bench`: Gin + pgx running the catalog's list SQL (the page and the
// count, concurrently, as the catalog's repository does) against the same PostgreSQL and answering the same
// envelope. It speaks the bench's server protocol: its configuration as one JSON line on stdin, then
// `BENCH_READY {"http": "..."}` on stdout once listening; it exits when stdin closes.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strconv"
	"time"

	"github.com/gin-gonic/gin"
	"github.com/jackc/pgx/v5/pgxpool"
)

type config struct {
	DatabaseURL string `json:"databaseUrl"`
	Schema      string `json:"schema"`
	PoolMax     int32  `json:"poolMax"`
}

type product struct {
	ID          string          `json:"id"`
	SKU         string          `json:"sku"`
	Slug        string          `json:"slug"`
	Name        string          `json:"name"`
	Description string          `json:"description"`
	BrandID     *string         `json:"brandId"`
	CategoryID  *string         `json:"categoryId"`
	Attributes  json.RawMessage `json:"attributes"`
	Images      json.RawMessage `json:"images"`
	Status      string          `json:"status"`
	CreatedAt   string          `json:"createdAt"`
	UpdatedAt   string          `json:"updatedAt"`
	DeletedAt   *string         `json:"deletedAt"`
}

type meta struct {
	Page  int   `json:"page"`
	Limit int   `json:"limit"`
	Total int64 `json:"total"`
}

type envelope struct {
	Success bool      `json:"success"`
	Data    []product `json:"data"`
	Meta    meta      `json:"meta"`
}

const pageSQL = `SELECT id::text, sku, slug, name, description, brand_id::text, category_id::text, attributes, images, status::text,
  created_at, updated_at, deleted_at
  FROM products WHERE deleted_at IS NULL ORDER BY created_at DESC, id ASC LIMIT $1 OFFSET $2`

const countSQL = `SELECT count(*) FROM products WHERE deleted_at IS NULL`

// JavaScript's Date.toISOString: UTC, milliseconds, "Z".
func isoTime(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05.000Z") }

func main() {
	stdin := bufio.NewReader(os.Stdin)
	line, err := stdin.ReadBytes('\n')
	if err != nil {
		fail("reading the configuration line", err)
	}
	var cfg config
	if err := json.Unmarshal(line, &cfg); err != nil {
		fail("parsing the configuration line", err)
	}
	poolConfig, err := pgxpool.ParseConfig(cfg.DatabaseURL)
	if err != nil {
		fail("parsing the database URL", err)
	}
	poolConfig.ConnConfig.RuntimeParams["search_path"] = cfg.Schema + ",public"
	if cfg.PoolMax > 0 {
		poolConfig.MaxConns = cfg.PoolMax
	}
	pool, err := pgxpool.NewWithConfig(context.Background(), poolConfig)
	if err != nil {
		fail("opening the pool", err)
	}
	defer pool.Close()

	gin.SetMode(gin.ReleaseMode)
	router := gin.New()
	router.GET("/api/v1/products", func(c *gin.Context) { listProducts(c, pool) })

	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail("listening", err)
	}
	fmt.Printf("BENCH_READY {\"http\":\"http://%s\"}\n", listener.Addr().String())
	go func() {
		// The parent closes stdin to stop us (or dies, which closes it too).
		_, _ = io.Copy(io.Discard, stdin)
		os.Exit(0)
	}()
	if err := http.Serve(listener, router); err != nil {
		fail("serving", err)
	}
}

func listProducts(c *gin.Context, pool *pgxpool.Pool) {
	limit := boundedInt(c.Query("limit"), 20, 1, 100)
	page := boundedInt(c.Query("page"), 1, 1, 1<<30)
	ctx := c.Request.Context()
	var total int64
	countDone := make(chan error, 1)
	go func() { countDone <- pool.QueryRow(ctx, countSQL).Scan(&total) }()

	rows, err := pool.Query(ctx, pageSQL, limit, (page-1)*limit)
	if err != nil {
		<-countDone
		c.String(http.StatusInternalServerError, err.Error())
		return
	}
	products := make([]product, 0, limit)
	for rows.Next() {
		var p product
		var created, updated time.Time
		var deleted *time.Time
		if err := rows.Scan(&p.ID, &p.SKU, &p.Slug, &p.Name, &p.Description, &p.BrandID, &p.CategoryID, &p.Attributes, &p.Images, &p.Status, &created, &updated, &deleted); err != nil {
			rows.Close()
			<-countDone
			c.String(http.StatusInternalServerError, err.Error())
			return
		}
		p.CreatedAt, p.UpdatedAt = isoTime(created), isoTime(updated)
		if deleted != nil {
			s := isoTime(*deleted)
			p.DeletedAt = &s
		}
		products = append(products, p)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		<-countDone
		c.String(http.StatusInternalServerError, err.Error())
		return
	}
	if err := <-countDone; err != nil {
		c.String(http.StatusInternalServerError, err.Error())
		return
	}
	c.JSON(http.StatusOK, envelope{Success: true, Data: products, Meta: meta{Page: page, Limit: limit, Total: total}})
}

func boundedInt(raw string, fallback, min, max int) int {
	n, err := strconv.Atoi(raw)
	if err != nil {
		return fallback
	}
	if n < min {
		return min
	}
	if n > max {
		return max
	}
	return n
}

func fail(what string, err error) {
	fmt.Fprintf(os.Stderr, "gin peer: %s: %v\n", what, err)
	os.Exit(1)
}
