import { setTaxonomy } from '../taxonomy/index.ts'
import { seedTaxonomyView } from './taxonomy.ts'

// Component tests start with the seed taxonomy, as if GET /api/taxonomy had answered.
setTaxonomy(seedTaxonomyView())
