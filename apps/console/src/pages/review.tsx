import { useRoute } from 'wouter';
import { ItemDetail } from './review/detail';
import { ReviewQueue } from './review/queue';
import './review.css';

/** Review: the queue at /review, an item's detail at /review/:id (the filter kept in both). */
export default function Review() {
  const [, params] = useRoute<{ id: string }>('/review/:id');
  return params ? <ItemDetail key={params.id} id={Number(params.id)} /> : <ReviewQueue />;
}
