import { PostingsPage } from './postings/list';

export default PostingsPage;
