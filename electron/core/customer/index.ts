export { CustomerFeed, type CustomerFeedParts } from './feed';
