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
# `npm run build` compiled the API into apps/api/dist (scripts/build-api.mjs): the container starts plain JavaScript.
CMD ["node", "--max-semi-space-size=64", "apps/api/dist/main.js"]
