import os from 'node:os'
import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'
import { loadConfig, REPO_ROOT } from '../src/config.ts'

// No Docker engine runs here, so the production-like stack is checked by reading its wiring.
describe('docker-compose.yml', () => {
  const compose = parse(fs.readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'))
  const { db, app } = compose.services

  it('runs a pinned official PostGIS image with a volume and a health check', () => {
    expect(db.image).toMatch(/^postgis\/postgis:\d+-\d+\.\d+$/)
    expect(db.volumes).toContain('pgdata:/var/lib/postgresql/data')
    expect(compose.volumes).toHaveProperty('pgdata')
    expect(db.healthcheck.test.join(' ')).toContain('pg_isready')
  })

  it('builds the app from the repo Dockerfile and waits for a healthy database', () => {
    expect(app.build).toBe('.')
    expect(fs.existsSync(path.join(REPO_ROOT, 'Dockerfile'))).toBe(true)
    expect(app.depends_on.db.condition).toBe('service_healthy')
  })

  it('wires DATABASE_URL to the db service with its credentials, and publishes the app port', () => {
    const url = new URL(app.environment.DATABASE_URL)
    expect(url.hostname).toBe('db')
    expect(url.username).toBe(db.environment.POSTGRES_USER)
    expect(url.password).toBe(db.environment.POSTGRES_PASSWORD)
    expect(url.pathname).toBe(`/${db.environment.POSTGRES_DB}`)
    expect(app.ports).toContain(`${app.environment.PORT}:${app.environment.PORT}`)
    expect(app.healthcheck.test.join(' ')).toContain('/api/health')
    // The app's own config must accept exactly this environment.
    const config = loadConfig(app.environment)
    expect(config.databaseUrl).toBe(app.environment.DATABASE_URL)
    expect(config.port).toBe(8080)
    expect(config.apiProcesses).toBe(os.availableParallelism()) // API_PROCESSES=auto on a server database
  })

  it('keeps uploaded files on a volume', () => {
    expect(app.volumes.some((v: string) => v.endsWith(`:${app.environment.DATA_DIR}`))).toBe(true)
  })
})
