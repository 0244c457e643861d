# The platform as one image: the API (Hono on Node 20) serving the built web app.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY apps/api/package.json apps/api/
COPY apps/web/package.json apps/web/
COPY packages/shared/package.json packages/shared/
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=8080 DATA_DIR=/app/data
WORKDIR /app
COPY --from=build /app /app
EXPOSE 8080
# A 32 MB young generation: see SERVER_NODE_FLAGS in bench/lib.ts (measured there).
CMD ["node", "--max-semi-space-size=64", "--import", "tsx", "apps/api/src/main.ts"]
