import { useRoute } from 'wouter';
import { PostingsPage } from './postings/list';
import { StaysPage } from './postings/stays';

/** Postings at /postings (the exceptions queue first), the guest stays lookup at /postings/stays. */
export default function Postings() {
  const [stays] = useRoute('/postings/stays');
  return stays ? <StaysPage /> : <PostingsPage />;
}
